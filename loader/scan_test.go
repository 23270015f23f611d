package loader

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func relPaths(entries []Entry) []string {
	out := make([]string, len(entries))
	for i, e := range entries {
		out[i] = e.RelPath
	}
	return out
}

func file(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }

// collection is a small collection in an in-memory file system.
var collection = fstest.MapFS{
	"306_县农业局开展培训.txt":           file("x"),
	"sub/0007市图书馆推出自助借阅.txt":     file("x"),
	"sub/deeper/冰雪季开幕.TXT":       file("x"),
	"sub/deeper/10-十号.Txt":       file("x"),
	"sub/deeper/9 九号.txt":        file("x"),
	".hidden.txt":                file("x"),
	".git/12.txt":                file("x"),
	"sub/.cache/13.txt":          file("x"),
	"notes.md":                   file("x"),
	"sub/photo.jpg":              file("x"),
	"sub/readme.txt.bak":         file("x"),
	"folder.txt/11在文件夹里.txt":     file("x"),
	"pipe.txt":                   &fstest.MapFile{Mode: fs.ModeNamedPipe},
	"empty/":                     &fstest.MapFile{Mode: fs.ModeDir},
	"sub/deeper/000相同标题.txt":     file("x"),
	"sub/deeper/again/0相同标题.txt": file("x"),
}

func TestScan(t *testing.T) {
	entries, err := Scan(collection)
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{
		// Same number and title: by RelPath.
		{"000", "相同标题", "sub/deeper/000相同标题.txt"},
		{"0", "相同标题", "sub/deeper/again/0相同标题.txt"},
		{"0007", "市图书馆推出自助借阅", "sub/0007市图书馆推出自助借阅.txt"},
		{"9", "九号", "sub/deeper/9 九号.txt"},
		{"10", "十号", "sub/deeper/10-十号.Txt"},
		{"11", "在文件夹里", "folder.txt/11在文件夹里.txt"},
		{"306", "县农业局开展培训", "306_县农业局开展培训.txt"},
		{"", "冰雪季开幕", "sub/deeper/冰雪季开幕.TXT"},
	}
	if !slices.Equal(entries, want) {
		t.Errorf("Scan\n got %q\nwant %q", entries, want)
	}
}

func TestScanEmpty(t *testing.T) {
	entries, err := Scan(fstest.MapFS{"a.md": file("x")})
	if err != nil || len(entries) != 0 {
		t.Errorf("Scan = %v, %v; want no entries, no error", entries, err)
	}
}

// failFS is a file system whose ReadDir fails for one folder.
type failFS struct {
	fstest.MapFS
	bad string
}

var errLocked = errors.New("locked")

func (f failFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if name == f.bad {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: errLocked}
	}
	return f.MapFS.ReadDir(name)
}

func TestScanUnreadableFolder(t *testing.T) {
	fsys := failFS{MapFS: fstest.MapFS{
		"1甲.txt":          file("x"),
		"locked/2乙.txt":   file("x"),
		"open/3丙.txt":     file("x"),
		"zz-after/4丁.txt": file("x"),
	}, bad: "locked"}
	entries, err := Scan(fsys)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"1甲.txt", "open/3丙.txt", "zz-after/4丁.txt"}
	if got := relPaths(entries); !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestScanRootFails(t *testing.T) {
	fsys := failFS{MapFS: fstest.MapFS{"1甲.txt": file("x")}, bad: "."}
	if _, err := Scan(fsys); !errors.Is(err, errLocked) {
		t.Errorf("Scan of unreadable root: err = %v, want %v", err, errLocked)
	}
	if _, err := Scan(DirFS(filepath.Join(t.TempDir(), "missing"))); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Scan of missing root: err = %v, want ErrNotExist", err)
	}
}

func writeFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestScanPathDirectory(t *testing.T) {
	dir := t.TempDir()
	gbName := gb(t, "0042_县农业局开展培训.txt")
	gbDir := gb(t, "旧稿")
	writeFile(t, filepath.Join(dir, gbName), nameLine+body(s1))
	writeFile(t, filepath.Join(dir, gbDir, gb(t, "7市图书馆.txt")), gb(t, "7市图书馆.txt\n"+body(s2)))
	writeFile(t, filepath.Join(dir, "8冰雪季.txt"), body(s3))
	writeFile(t, filepath.Join(dir, ".hidden", "9隐藏.txt"), "x")
	linked := true
	if err := os.Symlink("8冰雪季.txt", filepath.Join(dir, "88链接.txt")); err != nil {
		linked = false
	} else {
		_ = os.Symlink(dir, filepath.Join(dir, "loop.txt"))               // link to a folder
		_ = os.Symlink("missing.txt", filepath.Join(dir, "dangling.txt")) // broken link
	}

	root, entries, err := ScanPath(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{
		{"7", "市图书馆", gbDir + "/" + gb(t, "7市图书馆.txt")},
		{"8", "冰雪季", "8冰雪季.txt"},
		{"0042", "县农业局开展培训", gbName},
	}
	if linked {
		want = append(want, Entry{"88", "链接", "88链接.txt"})
	}
	if !slices.Equal(entries, want) {
		t.Fatalf("ScanPath entries\n got %q\nwant %q", entries, want)
	}
	wantText := []string{s2, s3, s1, s3}
	for i, e := range entries {
		a, err := Load(root, e)
		if err != nil {
			t.Errorf("Load(%q): %v", e.RelPath, err)
			continue
		}
		if n := len(a.Blocks); n != 2 || a.Blocks[1] != para(wantText[i]) {
			t.Errorf("Load(%q) blocks %s", e.RelPath, showBlocks(a.Blocks))
		}
	}
}

func TestScanPathFile(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "sub", "12_冰雪季开幕.txt")
	writeFile(t, name, body(s1))
	root, entries, err := ScanPath(name)
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{{"12", "冰雪季开幕", "12_冰雪季开幕.txt"}}
	if !slices.Equal(entries, want) {
		t.Fatalf("entries %q, want %q", entries, want)
	}
	a, err := Load(root, entries[0])
	if err != nil || len(a.Blocks) != 2 || a.Blocks[1] != para(s1) {
		t.Errorf("Load = %s, %v", showBlocks(a.Blocks), err)
	}

	other := filepath.Join(dir, "notes.md")
	writeFile(t, other, "甲")
	if _, entries, err := ScanPath(other); err != nil || len(entries) != 1 || entries[0].Title != "notes.md" {
		t.Errorf("ScanPath(notes.md) = %q, %v", entries, err)
	}

	if _, _, err := ScanPath(filepath.Join(dir, "missing")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("ScanPath(missing) err = %v", err)
	}
}

func TestDirFSNames(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.txt"), "甲")
	fsys := DirFS(dir)
	cases := []struct {
		name string
		ok   bool
	}{
		{"a.txt", true},
		{".", true},
		{"../a.txt", false},
		{"/a.txt", false},
		{"sub/../a.txt", false},
		{"a.txt/", false},
		{"", false},
		{"a\x00.txt", false},
	}
	for _, tc := range cases {
		_, err := fs.Stat(fsys, tc.name)
		if (err == nil) != tc.ok {
			t.Errorf("Stat(%q) err = %v, want ok %v", tc.name, err, tc.ok)
		}
	}
	_, err := fs.ReadFile(fsys, "missing.txt")
	if !errors.Is(err, fs.ErrNotExist) || strings.Contains(err.Error(), dir) {
		t.Errorf("ReadFile(missing) err = %v, want ErrNotExist naming only the relative path", err)
	}
}
