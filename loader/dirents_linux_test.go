package loader

import (
	"fmt"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"
)

// osPath is a DirFS that Scan lists through os.ReadDir, as before the
// records were read directly: its type is not dirFS.
type osPath struct{ dirFS }

// osBatches is a DirFS that Scan lists through the files Open returns,
// ReadDir in batches, as other systems do.
type osBatches struct{ dir dirFS }

func (o osBatches) Open(name string) (fs.File, error)     { return o.dir.Open(name) }
func (o osBatches) Stat(name string) (fs.FileInfo, error) { return o.dir.Stat(name) }

// longTitle makes names long enough for a few to fill a small buffer.
var longTitle = strings.Repeat("县农业局开展冬季果树修剪培训", 4)

// everyKind fills dir with an entry of every kind a folder can hold, and
// many, and returns how many articles a scan must find.
func everyKind(t *testing.T, dir string, many int) int {
	t.Helper()
	articles := []string{
		"1甲.txt", "2乙.TXT", "3丙.Txt", "无编号.txt",
		"sub/6丁.txt", "sub/deeper/7戊.txt",
		gb(t, "13县农业局.txt"), gb(t, "旧稿") + "/" + gb(t, "14市图书馆.txt"),
		"15a\x1b[2Jb\t\n\u202e.txt", "16\xff\xfe\x81.txt", "17\r.txt",
	}
	for _, name := range articles {
		writeFile(t, filepath.Join(dir, name), "x")
	}
	for _, name := range []string{".4隐藏.txt", ".hidden/5.txt", "sub/.x.txt", "notes.md", "txt", "a.txt.bak", "目录.txt/18.txt"} {
		writeFile(t, filepath.Join(dir, name), "x")
	}
	links := map[string]string{
		"8链接.txt":    "1甲.txt", // to a file: kept
		"9目录链接.txt":  "sub",    // to a folder: skipped
		"10断链.txt":   "missing.txt",
		"linkdir":    "sub", // a folder link is not followed
		"11管道链接.txt": "12管道.txt",
	}
	for name, to := range links {
		if err := os.Symlink(to, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "12管道.txt"), 0o644); err != nil {
		t.Skip("no FIFO:", err)
	}
	if l, err := net.Listen("unix", filepath.Join(dir, "19.txt")); err == nil {
		t.Cleanup(func() { l.Close() })
	}
	for i := range many {
		writeFile(t, filepath.Join(dir, "many", fmt.Sprintf("%05d%s.txt", i, longTitle)), "")
	}
	return len(articles) + 2 + many // + the directory 18 and the link 8
}

func TestReadFolderSameAsReadDir(t *testing.T) {
	dir := t.TempDir()
	want := everyKind(t, dir, 700)
	root := newDirFS(dir)
	ref, err := Scan(osPath{root})
	if err != nil || len(ref) != want {
		t.Fatalf("Scan through os.ReadDir: %d entries (want %d), %v: %q", len(ref), want, err, relPaths(ref))
	}
	if batches, err := Scan(osBatches{root}); err != nil || !slices.Equal(batches, ref) {
		t.Fatalf("Scan through batches of ReadDir: %q, %v\nwant %q", relPaths(batches), err, relPaths(ref))
	}
	defer func(size int) { direntBufSize = size }(direntBufSize)
	for _, size := range []int{direntBufSize, 4 << 10, 512} {
		for _, batch := range []int{1, 7, dirBatch} {
			direntBufSize = size
			g := &given{t: t, entries: map[string]Entry{}}
			largest := 0
			got, err := scan(root, batch, func(es []Entry) {
				largest = max(largest, len(es))
				g.found(es)
			})
			if err != nil || !slices.Equal(got, ref) {
				t.Fatalf("buffer %d, batch %d: %q, %v\nwant %q", size, batch, relPaths(got), err, relPaths(ref))
			}
			if largest > batch {
				t.Errorf("buffer %d, batch %d: found given %d entries at once", size, batch, largest)
			}
			if len(g.entries) != len(got) {
				t.Errorf("buffer %d, batch %d: %d entries given, %d returned", size, batch, len(g.entries), len(got))
			}
			for _, e := range got {
				if g.entries[e.RelPath] != e {
					t.Errorf("%q given as %+v, returned as %+v", e.RelPath, g.entries[e.RelPath], e)
				}
			}
		}
	}
}

// listOne lists the folder dir with the records getdents gives, after
// edit has changed them, and returns the paths of the articles and
// folders found.
func listOne(t *testing.T, dir string, edit func(recs []byte)) (articles, folders []string) {
	t.Helper()
	fd, err := unix.Open(dir, unix.O_RDONLY|unix.O_DIRECTORY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Close(fd)
	s := scanner{fsys: DirFS(dir), batch: dirBatch}
	buf := make([]byte, 1024)
	for {
		n, err := unix.Getdents(fd, buf)
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			break
		}
		edit(buf[:n])
		if err := s.addRecords(".", fd, buf[:n]); err != nil {
			t.Fatal(err)
		}
	}
	for i := range s.found.n {
		articles = append(articles, s.found.at(i).RelPath)
	}
	slices.Sort(articles)
	slices.Sort(s.dirs)
	return articles, s.dirs
}

// Where the file system gives no type (DT_UNKNOWN), the entry itself is
// asked: the same articles and folders are found.
func TestUnknownTypeAsksTheEntry(t *testing.T) {
	dir := t.TempDir()
	everyKind(t, dir, 0)
	wantArticles, wantFolders := listOne(t, dir, func([]byte) {})
	if len(wantArticles) < 8 || !slices.Contains(wantFolders, "sub") || slices.Contains(wantFolders, "linkdir") {
		t.Fatalf("records as given: articles %q, folders %q", wantArticles, wantFolders)
	}
	unknown := 0
	articles, folders := listOne(t, dir, func(recs []byte) {
		for len(recs) > 0 {
			recs[direntType] = unix.DT_UNKNOWN
			unknown++
			recs = recs[int(recs[direntReclen])|int(recs[direntReclen+1])<<8:]
		}
	})
	if unknown < 20 || !slices.Equal(articles, wantArticles) || !slices.Equal(folders, wantFolders) {
		t.Errorf("%d records without type: articles %q, folders %q\nwant %q, %q", unknown, articles, folders, wantArticles, wantFolders)
	}
	// An entry gone before it is asked is skipped; the folder is read.
	articles, _ = listOne(t, dir, func(recs []byte) {
		for len(recs) > 0 {
			if name := recs[direntName:]; strings.HasPrefix(string(name), "1甲.txt\x00") {
				name[0] = 'X'
				recs[direntType] = unix.DT_UNKNOWN
			}
			recs = recs[int(recs[direntReclen])|int(recs[direntReclen+1])<<8:]
		}
	})
	if gone := slices.DeleteFunc(slices.Clone(wantArticles), func(p string) bool { return p == "1甲.txt" }); !slices.Equal(articles, gone) {
		t.Errorf("with 1甲.txt gone: %q, want %q", articles, gone)
	}
}

func TestRecordKind(t *testing.T) {
	dir := t.TempDir()
	everyKind(t, dir, 0)
	fd, err := unix.Open(dir, unix.O_RDONLY|unix.O_DIRECTORY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Close(fd)
	for _, tc := range []struct {
		name  string
		dtype uint8
		kind  entryKind
	}{
		{"1甲.txt", unix.DT_REG, kindFile},
		{"sub", unix.DT_DIR, kindDir},
		{"8链接.txt", unix.DT_LNK, kindLink},
		{"9目录链接.txt", unix.DT_LNK, kindLink},
		{"10断链.txt", unix.DT_LNK, kindLink},
		{"12管道.txt", unix.DT_FIFO, kindOther},
		{gb(t, "13县农业局.txt"), unix.DT_REG, kindFile},
		{"16\xff\xfe\x81.txt", unix.DT_REG, kindFile},
	} {
		if k, err := recordKind(fd, []byte(tc.name), tc.dtype); k != tc.kind || err != nil {
			t.Errorf("%q of type %d: %d, %v; want %d", tc.name, tc.dtype, k, err, tc.kind)
		}
		if k, err := recordKind(fd, []byte(tc.name), unix.DT_UNKNOWN); k != tc.kind || err != nil {
			t.Errorf("%q of unknown type: %d, %v; want %d", tc.name, k, err, tc.kind)
		}
	}
	for _, dtype := range []uint8{unix.DT_CHR, unix.DT_BLK, unix.DT_SOCK, unix.DT_WHT} {
		if k, err := recordKind(fd, []byte("1甲.txt"), dtype); k != kindOther || err != nil {
			t.Errorf("type %d: %d, %v; want skipped", dtype, k, err)
		}
	}
	if _, err := recordKind(fd, []byte("gone.txt"), unix.DT_UNKNOWN); err != unix.ENOENT {
		t.Errorf("a name gone, of unknown type: err %v, want ENOENT", err)
	}
}

// Records that do not hold together fail the folder, never loop.
func TestBadRecords(t *testing.T) {
	good := make([]byte, 24)
	good[direntReclen], good[direntType] = 24, unix.DT_REG
	copy(good[direntName:], "1.txt")
	for _, tc := range []struct {
		name string
		recs []byte
	}{
		{"short", good[:10]},
		{"length 0", append(append([]byte{}, good...), make([]byte, 24)...)},
		{"longer than given", good[:20]},
	} {
		s := scanner{fsys: DirFS(t.TempDir()), batch: dirBatch}
		if err := s.addRecords(".", -1, tc.recs); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
	s := scanner{fsys: DirFS(t.TempDir()), batch: dirBatch}
	if err := s.addRecords(".", -1, good); err != nil || s.found.n != 1 || s.found.at(0).RelPath != "1.txt" {
		t.Errorf("good record: %v, %d found", err, s.found.n)
	}
}
