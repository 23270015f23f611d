//go:build unix

package loader

import (
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// A FIFO named like an article is neither listed nor opened (opening a
// FIFO for reading blocks until a writer comes).
func TestFIFOIsNotOpened(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "5管道.txt"), 0o644); err != nil {
		t.Skip("no FIFO:", err)
	}
	writeFile(t, filepath.Join(dir, "6正文.txt"), body(s1))
	root, entries, err := ScanPath(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := relPaths(entries); len(got) != 1 || got[0] != "6正文.txt" {
		t.Errorf("entries %q, want only 6正文.txt", got)
	}
	done := make(chan error, 1)
	go func() {
		_, err := Load(root, Entry{Prefix: "5", Title: "管道", RelPath: "5管道.txt"})
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil {
			t.Error("Load of a FIFO: no error")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Load of a FIFO blocks")
	}
}
