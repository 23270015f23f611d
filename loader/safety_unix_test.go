//go:build unix

package loader

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"
)

// within fails the test when f has not returned after a few seconds.
func within(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("%s blocks", what)
	}
}

// A sparse file of gigabytes costs nothing on disk; reading it whole would
// exhaust the memory. Neither Load nor LoadRaw reads it.
func TestSparseHugeFileIsNotRead(t *testing.T) {
	dir := t.TempDir()
	name := "1稀疏文件.txt"
	if err := os.WriteFile(filepath.Join(dir, name), []byte("<p>开头</p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(filepath.Join(dir, name), 4<<30); err != nil {
		t.Skip("no sparse file:", err)
	}
	e := Entry{Prefix: "1", Title: "稀疏文件", RelPath: name}
	within(t, "Load of a sparse file", func() {
		a, err := Load(DirFS(dir), e)
		if !errors.Is(err, ErrTooLarge) || a.Entry != e {
			t.Errorf("Load: %+v, %v", a.Entry, err)
		}
		if err != nil && err.Error() != "read 1稀疏文件.txt: file too large to show (4096 MB, more than 256 MB)" {
			t.Errorf("message %q", err)
		}
		if _, err := LoadRaw(DirFS(dir), e); !errors.Is(err, ErrTooLarge) {
			t.Errorf("LoadRaw: %v", err)
		}
	})
}

// endlessFS holds one regular file that claims no size and never ends,
// like /proc/self/pagemap.
type endlessFS struct{}

type endlessFile struct{}

type endlessInfo struct{}

func (endlessFS) Open(string) (fs.File, error) { return endlessFile{}, nil }
func (endlessFile) Stat() (fs.FileInfo, error) { return endlessInfo{}, nil }
func (endlessFile) Close() error               { return nil }
func (endlessFile) Read(p []byte) (int, error) { clear(p); return len(p), nil }
func (endlessInfo) Name() string               { return "1无尽.txt" }
func (endlessInfo) Size() int64                { return 0 }
func (endlessInfo) Mode() fs.FileMode          { return 0o444 }
func (endlessInfo) ModTime() time.Time         { return time.Time{} }
func (endlessInfo) IsDir() bool                { return false }
func (endlessInfo) Sys() any                   { return nil }

func TestReadStopsAtMaxSize(t *testing.T) {
	defer func(old int64) { maxSize = old }(maxSize)
	maxSize = 1 << 20
	within(t, "Load of an endless file", func() {
		_, err := Load(endlessFS{}, Entry{RelPath: "1无尽.txt"})
		if !errors.Is(err, ErrTooLarge) || err.Error() != "read 1无尽.txt: file too large to show (more than 1 MB)" {
			t.Errorf("endless file: %v", err)
		}
	})
	dir := t.TempDir()
	for _, c := range []struct {
		size int64
		err  error
	}{{maxSize, nil}, {maxSize + 1, ErrTooLarge}} {
		name := "2边界.txt"
		if err := os.WriteFile(filepath.Join(dir, name), make([]byte, c.size), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Load(DirFS(dir), Entry{RelPath: name}); errors.Is(err, ErrTooLarge) != (c.err != nil) {
			t.Errorf("a file of %d bytes, limit %d: %v", c.size, maxSize, err)
		}
	}
}

// swapFS is DirFS, except that right after the first Stat of swap has
// answered, the file is replaced by a FIFO: the race between checking a
// name and opening it.
type swapFS struct {
	fs.FS
	dir, swap string
	done      bool
}

func (s *swapFS) Stat(name string) (fs.FileInfo, error) {
	fi, err := fs.Stat(s.FS, name)
	if name == s.swap && !s.done {
		s.done = true
		p := filepath.Join(s.dir, name)
		if err := os.Remove(p); err != nil {
			return nil, err
		}
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			return nil, err
		}
	}
	return fi, err
}

func TestFIFOSwappedInAfterTheCheckDoesNotBlock(t *testing.T) {
	dir := t.TempDir()
	name := "3管道.txt"
	for _, load := range []struct {
		what string
		f    func(fs.FS) error
	}{
		{"Load", func(fsys fs.FS) error { _, err := Load(fsys, Entry{RelPath: name}); return err }},
		{"LoadRaw", func(fsys fs.FS) error { _, err := LoadRaw(fsys, Entry{RelPath: name}); return err }},
	} {
		if err := os.RemoveAll(filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte("<p>正文</p>"), 0o644); err != nil {
			t.Fatal(err)
		}
		fsys := &swapFS{FS: DirFS(dir), dir: dir, swap: name}
		within(t, load.what+" of a FIFO swapped in", func() {
			if err := load.f(fsys); err == nil || err.Error() != "read 3管道.txt: not a regular file" {
				t.Errorf("%s: %v", load.what, err)
			}
		})
		if !fsys.done {
			t.Fatalf("%s: the swap did not happen", load.what)
		}
	}
}

// A file that claims a size is read no further than that size and some
// slack: what is read is capped, not only what is told.
func TestReadStopsPastTheToldSize(t *testing.T) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	within(t, "Load of an endless file", func() {
		_, err := Load(endlessFS{}, Entry{RelPath: "1无尽.txt"})
		if !errors.Is(err, ErrTooLarge) {
			t.Errorf("Load: %v", err)
		}
	})
	runtime.ReadMemStats(&after)
	if grown := after.TotalAlloc - before.TotalAlloc; grown > 8<<20 {
		t.Errorf("an endless file telling 0 bytes: %d MB allocated", grown>>20)
	}
}
