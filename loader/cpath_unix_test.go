//go:build unix

package loader

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// cpath gives the path join gives, as syscall.Open would hand it to the
// system (ended by a NUL; an error for a path holding one), for clean and
// unclean roots and for valid and invalid names.
func TestCPathSameAsJoin(t *testing.T) {
	roots := []string{"", "/", ".", "..", "a", "a/", "a//b", "./a", "a/./b", "a/../b", "../x", "/tmp/新闻",
		"/tmp/coll/", "a\x00b", "\xff\xfe目录", "//a"}
	names := []string{".", "1正文.txt", "子/1正文.txt", "..", "../x", "a//b", "a/", "/a", "a\x00b", "\xc4\xe3.txt", "...", "a/.../b"}
	for _, root := range roots {
		for _, name := range names {
			full, wantErr := newDirFS(root).join("open", name)
			var want []byte
			if wantErr == nil {
				want, wantErr = syscall.ByteSliceFromString(full)
			}
			got, err := newDirFS(root).cpath(nil, "open", name)
			if (err != nil) != (wantErr != nil) {
				t.Errorf("%q, %q: error %v, want %v", root, name, err, wantErr)
				continue
			}
			if err == nil && string(got) != string(want) {
				t.Errorf("%q, %q: %q, want %q", root, name, got, want)
			}
		}
	}
}

// Reading an article of a folder with a clean name takes no memory but
// the buffer's: the path is made on the stack, and given to the system
// as it is.
func TestReadDirectPathOnStack(t *testing.T) {
	dir := filepath.Clean(t.TempDir())
	if err := os.WriteFile(filepath.Join(dir, "1正文.txt"), []byte("<p>正文</p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 0, 4096)
	n := testing.AllocsPerRun(50, func() {
		if b, _, ok := readDirect(DirFS(dir), "1正文.txt", buf, 0); !ok || string(b) != "<p>正文</p>" {
			t.Fatalf("%q, %v", b, ok)
		}
	})
	if n != 0 {
		t.Errorf("%v allocations per read", n)
	}
	if _, _, err := readPath([]byte(filepath.Join(dir, "2缺失.txt")+"\x00"), 0, nil, 0); err != syscall.ENOENT {
		t.Errorf("a missing file: %v, want %v", err, syscall.ENOENT)
	}
}

func BenchmarkCPath(b *testing.B) {
	dir := newDirFS("/tmp/newsbrowse-bench/coll-100000-1024")
	var room [512]byte
	for b.Loop() {
		if _, err := dir.cpath(room[:0], "open", "000001西郊：5G智慧课堂服务时长翻番.txt"); err != nil {
			b.Fatal(err)
		}
	}
}
