//go:build unix

package loader

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"testing/fstest"
)

func TestReadDirect(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("1正文.txt", "<p>正文</p>")
	write("2空.txt", "")
	if err := os.Symlink("1正文.txt", filepath.Join(dir, "3链接.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "4目录.txt"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "5管道.txt"), 0o644); err != nil {
		t.Skip("no FIFO:", err)
	}
	if err := os.Symlink("5管道.txt", filepath.Join(dir, "6管道链接.txt")); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		direct bool   // read in one step
		data   string // what Load's reading gives
		err    string
	}{
		{"1正文.txt", true, "<p>正文</p>", ""},
		{"2空.txt", true, "", ""},
		{"3链接.txt", false, "<p>正文</p>", ""},
		{"4目录.txt", false, "", "read 4目录.txt: not a regular file"},
		{"5管道.txt", false, "", "read 5管道.txt: not a regular file"},
		{"6管道链接.txt", false, "", "read 6管道链接.txt: not a regular file"},
		{"7缺失.txt", false, "", "read 7缺失.txt: no such file or directory"},
	}
	buf := make([]byte, 0, 4096)
	for _, tc := range cases {
		within(t, "reading "+tc.name, func() {
			b, _, ok := readDirect(DirFS(dir), tc.name, buf, 0)
			if ok != tc.direct || (ok && string(b) != tc.data) {
				t.Errorf("readDirect(%s) = %q, %v; want %v", tc.name, b, ok, tc.direct)
			}
			if ok && cap(b) != cap(buf) {
				t.Errorf("readDirect(%s) did not read into the room of buf", tc.name)
			}
			b, err := readFile(DirFS(dir), tc.name, buf)
			if string(b) != tc.data || (err == nil) != (tc.err == "") || (err != nil && err.Error() != tc.err) {
				t.Errorf("readFile(%s) = %q, %v; want %q, %q", tc.name, b, err, tc.data, tc.err)
			}
		})
	}
	if _, _, ok := readDirect(fstest.MapFS{"1正文.txt": {Data: []byte("x")}}, "1正文.txt", nil, 0); ok {
		t.Error("readDirect read from a file system other than DirFS")
	}
	if _, _, ok := readDirect(DirFS(dir), "../1正文.txt", nil, 0); ok {
		t.Error("readDirect read a name DirFS refuses")
	}
}
