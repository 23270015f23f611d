//go:build unix

package loader

import (
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"testing/fstest"
)

// A Reader that keeps its folder open reads what one that does not reads,
// and gives the same errors, for every kind of directory entry; it opens
// each file relative to the folder in one step when it can.
func TestKeepFolderOpenReadsAlike(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("1正文.txt", "<p>正文</p>")
	write("2空.txt", "")
	write("子目录/8下层.txt", "<p>下层</p>")
	write("\xd5\xfd\xce\xc4.txt", "GB18030 名")
	if err := os.Symlink("1正文.txt", filepath.Join(dir, "3链接.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "4目录.txt"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "5管道.txt"), 0o644); err != nil {
		t.Skip("no FIFO:", err)
	}
	cases := []struct {
		name string
		held bool // read relative to the folder in one step
	}{
		{"1正文.txt", true},
		{"2空.txt", true},
		{"子目录/8下层.txt", true},
		{"\xd5\xfd\xce\xc4.txt", true},
		{"3链接.txt", false},
		{"4目录.txt", false},
		{"5管道.txt", false},
		{"7缺失.txt", false},
		{"../1正文.txt", false},
	}
	fsys := DirFS(dir)
	var kept, plain Reader
	kept.KeepFolderOpen()
	defer kept.Close()
	for _, tc := range cases {
		within(t, "reading "+tc.name, func() {
			e := Entry{RelPath: tc.name}
			want, wantErr := plain.ReadBytes(fsys, e)
			want = append([]byte(nil), want...)
			got, err := kept.ReadBytes(fsys, e)
			if string(got) != string(want) || (err == nil) != (wantErr == nil) || err != nil && err.Error() != wantErr.Error() {
				t.Errorf("%s: kept folder read %q, %v; plain %q, %v", tc.name, got, err, want, wantErr)
			}
			if _, ok := kept.readHeld(fsys, tc.name); ok != tc.held {
				t.Errorf("%s: read relative to the folder: %v, want %v", tc.name, ok, tc.held)
			}
		})
	}
	var r Reader // without KeepFolderOpen
	if _, ok := r.readHeld(fsys, "1正文.txt"); ok {
		t.Error("a Reader read relative to a folder it was not asked to keep")
	}
	if _, ok := kept.readHeld(fstest.MapFS{"1正文.txt": {Data: []byte("x")}}, "1正文.txt"); ok {
		t.Error("read relative to a folder from a file system other than DirFS")
	}
}

// The folder kept is the one of the DirFS read from: reading from another
// root reads there; Close lets go of the folder.
func TestKeepFolderOpenFollowsTheRootAndCloses(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for dir, data := range map[string]string{a: "甲", b: "乙"} {
		if err := os.WriteFile(filepath.Join(dir, "1同名.txt"), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	open := openFiles(t)
	var rd Reader
	rd.KeepFolderOpen()
	for _, tc := range []struct{ dir, want string }{{a, "甲"}, {b, "乙"}, {a, "甲"}} {
		got, err := rd.ReadBytes(DirFS(tc.dir), Entry{RelPath: "1同名.txt"})
		if err != nil || string(got) != tc.want {
			t.Errorf("from %s: %q, %v; want %q", tc.dir, got, err, tc.want)
		}
		if n := openFiles(t); open >= 0 && n != open+1 {
			t.Errorf("%d files open while reading, want %d: one folder", n, open+1)
		}
	}
	if err := rd.Close(); err != nil {
		t.Error(err)
	}
	if n := openFiles(t); n != open {
		t.Errorf("%d files open after Close, want %d", n, open)
	}
	if got, err := rd.ReadBytes(DirFS(b), Entry{RelPath: "1同名.txt"}); err != nil || string(got) != "乙" {
		t.Errorf("after Close: %q, %v", got, err)
	}
	rd.Close()
}

// openFiles counts the files the process has open, or -1 where it cannot.
func openFiles(t *testing.T) int {
	t.Helper()
	if runtime.GOOS != "linux" {
		return -1
	}
	list, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Fatal(err)
	}
	return len(list) - 1 // the folder being read
}
