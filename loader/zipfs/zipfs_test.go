package zipfs

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"
)

// zipEntry is one entry of a test archive.
type zipEntry struct {
	name  string // raw bytes
	flag  bool   // set the UTF-8 flag (else never set)
	data  string
	extra []byte
}

// buildZip writes a zip archive the way Windows tools do: raw names, the
// UTF-8 flag only where asked.
func buildZip(t testing.TB, entries ...zipEntry) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, e := range entries {
		h := &zip.FileHeader{Name: e.name, Method: zip.Deflate, NonUTF8: !e.flag, Extra: e.extra}
		if e.flag {
			h.Flags |= flagUTF8
		}
		f, err := w.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(f, e.data)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func newFS(t testing.TB, b []byte) *FS {
	t.Helper()
	z, err := New(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	return z
}

// gbArchive holds GB18030 names without the UTF-8 flag (one with a 0x5C
// trail byte), implicit folders, a flagged UTF-8 name and one named by an
// Info-ZIP Unicode Path field.
func gbArchive(t testing.TB) []byte {
	raw := gb(t, "旧名.txt")
	return buildZip(t,
		zipEntry{name: gb(t, "001淺談數據庫.txt"), data: "001淺談數據庫.txt\n正文一"},
		zipEntry{name: gb(t, "二〇二四年/报告/002城市更新.txt"), data: "正文二"},
		zipEntry{name: gb(t, "二〇二四年/003夜市.txt"), data: "正文三"},
		zipEntry{name: "utf8/004开幕.txt", flag: true, data: "正文四"},
		zipEntry{name: raw, extra: unicodePathField(crcOf(raw), "utf8/005新名.txt"), data: "正文五"},
		zipEntry{name: "空目录/", data: ""},
	)
}

func TestFSWithGB18030Names(t *testing.T) {
	z := newFS(t, gbArchive(t))
	if err := fstest.TestFS(z,
		"001淺談數據庫.txt", "二〇二四年/报告/002城市更新.txt", "二〇二四年/003夜市.txt",
		"utf8/004开幕.txt", "utf8/005新名.txt", "空目录"); err != nil {
		t.Fatal(err)
	}
	b, err := fs.ReadFile(z, "二〇二四年/报告/002城市更新.txt")
	if err != nil || string(b) != "正文二" {
		t.Errorf("ReadFile = %q, %v", b, err)
	}
	var all []string
	fs.WalkDir(z, ".", func(p string, d fs.DirEntry, err error) error {
		all = append(all, p)
		return err
	})
	want := []string{".", "001淺談數據庫.txt", "utf8", "utf8/004开幕.txt", "utf8/005新名.txt",
		"二〇二四年", "二〇二四年/003夜市.txt", "二〇二四年/报告", "二〇二四年/报告/002城市更新.txt", "空目录"}
	if !slices.Equal(all, want) {
		t.Errorf("walk\n%q\nwant\n%q", all, want)
	}
}

func TestUnsafeNamesStayInside(t *testing.T) {
	dir := t.TempDir()
	archive := filepath.Join(dir, "sub", "crawl.zip")
	os.Mkdir(filepath.Dir(archive), 0o755)
	b := buildZip(t,
		zipEntry{name: "../../逃逸.txt", data: "一"},
		zipEntry{name: "/etc/绝对.txt", data: "二"},
		zipEntry{name: `a\..\..\反斜杠.txt`, data: "三"},
		zipEntry{name: "dup.txt", data: "旧"},
		zipEntry{name: "./dup.txt", data: "新"},
		zipEntry{name: "both", data: "文件"},
		zipEntry{name: "both/inner.txt", data: "目录"},
	)
	os.WriteFile(archive, b, 0o644)
	z, err := Open(archive)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	if err := fstest.TestFS(z, "逃逸.txt", "etc/绝对.txt", "a/反斜杠.txt", "dup.txt", "both/inner.txt"); err != nil {
		t.Fatal(err)
	}
	if b, _ := fs.ReadFile(z, "dup.txt"); string(b) != "新" {
		t.Errorf("dup.txt = %q, want the last entry", b)
	}
	for _, p := range []string{"../../逃逸.txt", "/etc/绝对.txt", "..", "a/../dup.txt"} {
		if _, err := z.Open(p); !errors.Is(err, fs.ErrInvalid) {
			t.Errorf("Open(%q): %v, want ErrInvalid", p, err)
		}
	}
	left, _ := os.ReadDir(dir)
	inSub, _ := os.ReadDir(filepath.Dir(archive))
	if len(left) != 1 || len(inSub) != 1 {
		t.Errorf("files appeared beside the archive: %v %v", left, inSub)
	}
}

// countingReader counts the bytes read from the archive.
type countingReader struct {
	r io.ReaderAt
	n atomic.Int64
}

func (c *countingReader) ReadAt(p []byte, off int64) (int, error) {
	n, err := c.r.ReadAt(p, off)
	c.n.Add(int64(n))
	return n, err
}

func TestZipBombRefusedUnread(t *testing.T) {
	var deflated bytes.Buffer
	fw, _ := flate.NewWriter(&deflated, flate.BestCompression)
	zeros := make([]byte, 8<<20)
	fw.Write(zeros)
	fw.Close()

	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	raw := func(name string, size uint64, data []byte) {
		f, err := w.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(zeros),
			CompressedSize64: uint64(len(data)), UncompressedSize64: size})
		if err != nil {
			t.Fatal(err)
		}
		f.Write(data)
	}
	raw("ratio.txt", uint64(len(zeros)), deflated.Bytes())
	raw("huge.txt", 1<<40, deflated.Bytes())
	f, _ := w.Create("ok.txt")
	io.WriteString(f, strings.Repeat("正常的文章。", 1000))
	w.Close()

	cr := &countingReader{r: bytes.NewReader(buf.Bytes())}
	z, err := New(cr, int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	before := cr.n.Load()
	for _, name := range []string{"ratio.txt", "huge.txt"} {
		if _, err := z.Open(name); !errors.Is(err, ErrRefused) {
			t.Errorf("Open(%s): %v, want ErrRefused", name, err)
		}
	}
	if read := cr.n.Load() - before; read != 0 {
		t.Errorf("%d bytes read to refuse the bombs", read)
	}
	if b, err := fs.ReadFile(z, "ok.txt"); err != nil || len(b) != 18000 {
		t.Errorf("ok.txt: %d bytes, %v", len(b), err)
	}
	if fi, _ := z.Stat("huge.txt"); fi.Size() != 1<<40 {
		t.Errorf("huge.txt: Stat size %d", fi.Size())
	}
}

func TestBadCRCFailsThatEntryOnly(t *testing.T) {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	data := []byte("001坏.txt\n校验和不对的文章")
	f, _ := w.CreateRaw(&zip.FileHeader{Name: "001坏.txt", Method: zip.Store, CRC32: crc32.ChecksumIEEE(data) ^ 1,
		CompressedSize64: uint64(len(data)), UncompressedSize64: uint64(len(data))})
	f.Write(data)
	g, _ := w.Create("002好.txt")
	io.WriteString(g, "正常")
	enc, _ := w.CreateRaw(&zip.FileHeader{Name: "003密.txt", Method: zip.Store, Flags: 0x1,
		CompressedSize64: 4, UncompressedSize64: 4})
	enc.Write([]byte("xxxx"))
	w.Close()
	z := newFS(t, buf.Bytes())
	if _, err := fs.ReadFile(z, "001坏.txt"); !errors.Is(err, zip.ErrChecksum) {
		t.Errorf("bad CRC: %v, want zip.ErrChecksum", err)
	}
	if b, err := fs.ReadFile(z, "002好.txt"); err != nil || string(b) != "正常" {
		t.Errorf("the next entry: %q, %v", b, err)
	}
	if _, err := z.Open("003密.txt"); !errors.Is(err, ErrEncrypted) {
		t.Errorf("encrypted: %v", err)
	}
}

func TestTruncatedArchive(t *testing.T) {
	b := gbArchive(t)
	for _, n := range []int{len(b) - 1, len(b) - 30, len(b) / 2, 10, 0} {
		if _, err := New(bytes.NewReader(b[:n]), int64(n)); err == nil {
			t.Errorf("archive cut to %d of %d bytes: no error", n, len(b))
		}
	}
	path := filepath.Join(t.TempDir(), "cut.zip")
	os.WriteFile(path, b[:len(b)-5], 0o644)
	if _, err := Open(path); err == nil || !strings.Contains(err.Error(), "cut.zip") {
		t.Errorf("Open of a cut archive: %v", err)
	}
}
