package zipfs

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"

	"newsbrowse/loader/internal/benchkit"
)

var le = binary.LittleEndian

// endAt returns the offset of the end of central directory record of b.
func endAt(t *testing.T, b []byte) int {
	t.Helper()
	i := bytes.LastIndex(b, []byte("PK\x05\x06"))
	if i < 0 {
		t.Fatal("no end record")
	}
	return i
}

// records returns the offsets of the central directory records of b.
func records(t *testing.T, b []byte) []int {
	t.Helper()
	e := endAt(t, b)
	at := int(le.Uint32(b[e+16:]))
	if e64 := bytes.LastIndex(b, []byte("PK\x06\x06")); e64 >= 0 {
		e, at = e64, int(le.Uint64(b[e64+48:]))
	}
	var out []int
	for at < e && le.Uint32(b[at:]) == sigCentral {
		out = append(out, at)
		at += centralLen + int(le.Uint16(b[at+28:])) + int(le.Uint16(b[at+30:])) + int(le.Uint16(b[at+32:]))
	}
	return out
}

// threeFiles is an archive of three stored files, a.txt b.txt c.txt.
func threeFiles(t testing.TB) []byte {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, n := range []string{"a", "b", "c"} {
		f, _ := w.CreateHeader(&zip.FileHeader{Name: n + ".txt", Method: zip.Store})
		io.WriteString(f, "文章"+n)
	}
	w.Close()
	return buf.Bytes()
}

func TestWrongCountsAndCutDirectory(t *testing.T) {
	b := threeFiles(t)
	e := endAt(t, b)
	recs := records(t, b)
	if len(recs) != 3 {
		t.Fatalf("%d records", len(recs))
	}
	patch := func(f func(c []byte)) []byte {
		c := bytes.Clone(b)
		f(c)
		return c
	}
	for name, c := range map[string][]byte{
		"count too high":          patch(func(c []byte) { le.PutUint16(c[e+8:], 4); le.PutUint16(c[e+10:], 4) }),
		"count too low":           patch(func(c []byte) { le.PutUint16(c[e+8:], 2); le.PutUint16(c[e+10:], 2) }),
		"record signature broken": patch(func(c []byte) { c[recs[1]+1] = 'X' }),
		// the last record cut in the middle of its name, the end record
		// moved up and its size made to match
		"directory cut short": func() []byte {
			cut := recs[2] + centralLen + 2
			c := append(bytes.Clone(b[:cut]), b[e:]...)
			le.PutUint32(c[cut+12:], uint32(cut-recs[0]))
			return c
		}(),
	} {
		if _, err := New(bytes.NewReader(c), int64(len(c))); !errors.Is(err, zip.ErrFormat) {
			t.Errorf("%s: %v, want zip.ErrFormat", name, err)
		}
	}
}

func TestEntryOutsideTheArchive(t *testing.T) {
	b := threeFiles(t)
	recs := records(t, b)
	le.PutUint32(b[recs[1]+42:], uint32(len(b)+100)) // b.txt: header past the end
	le.PutUint32(b[recs[2]+20:], uint32(len(b)))     // c.txt: data past the end
	z := newFS(t, b)
	for _, name := range []string{"b.txt", "c.txt"} {
		if _, err := z.Open(name); !errors.Is(err, zip.ErrFormat) {
			t.Errorf("Open(%s): %v, want zip.ErrFormat", name, err)
		}
	}
	if got, err := fs.ReadFile(z, "a.txt"); err != nil || string(got) != "文章a" {
		t.Errorf("a.txt: %q, %v", got, err)
	}
}

func TestDataDescriptor(t *testing.T) {
	// zip.Writer follows every entry it deflates with a data descriptor.
	b := buildZip(t, zipEntry{name: "a.txt", data: "甲"}, zipEntry{name: "b.txt", data: "乙"})
	for _, at := range records(t, b) {
		if le.Uint16(b[at+8:])&flagDescriptor == 0 {
			t.Fatal("no data descriptor: the test lost its point")
		}
	}
	z := newFS(t, b)
	if got, err := fs.ReadFile(z, "b.txt"); err != nil || string(got) != "乙" {
		t.Errorf("b.txt: %q, %v", got, err)
	}
	// the descriptor of a.txt says another CRC than the central directory
	i := bytes.Index(b, []byte("PK\x07\x08"))
	b[i+4] ^= 0xff
	z = newFS(t, b)
	if _, err := fs.ReadFile(z, "a.txt"); !errors.Is(err, zip.ErrChecksum) {
		t.Errorf("a.txt with a wrong descriptor: %v, want zip.ErrChecksum", err)
	}
	if got, err := fs.ReadFile(z, "b.txt"); err != nil || string(got) != "乙" {
		t.Errorf("b.txt after a wrong descriptor: %q, %v", got, err)
	}
}

// zip64Archive writes stored entries the way zip64 writers do: every
// size and offset in the central directory 0xFFFFFFFF with the values in
// a zip64 extra field, and a zip64 end record whose count is the only one.
func zip64Archive(names, data []string) []byte {
	var out, dir []byte
	for i, name := range names {
		d := data[i]
		off := len(out)
		out = le.AppendUint32(out, sigLocal)
		out = append(out, 45, 0, 0, 0, 0, 0, 0, 0, 0, 0) // version, flags, method, time, date
		out = le.AppendUint32(out, crc32.ChecksumIEEE([]byte(d)))
		out = le.AppendUint32(out, uint32(len(d)))
		out = le.AppendUint32(out, uint32(len(d)))
		out = le.AppendUint16(out, uint16(len(name)))
		out = le.AppendUint16(out, 0)
		out = append(out, name...)
		out = append(out, d...)

		dir = le.AppendUint32(dir, sigCentral)
		dir = append(dir, 45, 3, 45, 0, 0, 0, 0, 0, 0, 0, 0, 0) // made by Unix
		dir = le.AppendUint32(dir, crc32.ChecksumIEEE([]byte(d)))
		dir = le.AppendUint32(dir, 0xffffffff)
		dir = le.AppendUint32(dir, 0xffffffff)
		dir = le.AppendUint16(dir, uint16(len(name)))
		dir = le.AppendUint16(dir, 4+24)
		dir = append(dir, 0, 0, 0, 0, 0, 0)      // comment length, disk, internal attributes
		dir = le.AppendUint32(dir, 0o100644<<16) // a regular file
		dir = le.AppendUint32(dir, 0xffffffff)
		dir = append(dir, name...)
		dir = le.AppendUint16(dir, zip64ID)
		dir = le.AppendUint16(dir, 24)
		dir = le.AppendUint64(dir, uint64(len(d)))
		dir = le.AppendUint64(dir, uint64(len(d)))
		dir = le.AppendUint64(dir, uint64(off))
	}
	dirAt := len(out)
	out = append(out, dir...)
	end64At := len(out)
	out = le.AppendUint32(out, sigEnd64)
	out = le.AppendUint64(out, end64Len-12)
	out = append(out, 45, 3, 45, 0)
	out = le.AppendUint32(out, 0)
	out = le.AppendUint32(out, 0)
	out = le.AppendUint64(out, uint64(len(names)))
	out = le.AppendUint64(out, uint64(len(names)))
	out = le.AppendUint64(out, uint64(len(dir)))
	out = le.AppendUint64(out, uint64(dirAt))
	out = le.AppendUint32(out, sigLoc64)
	out = le.AppendUint32(out, 0)
	out = le.AppendUint64(out, uint64(end64At))
	out = le.AppendUint32(out, 1)
	out = le.AppendUint32(out, sigEnd)
	out = append(out, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff)
	out = le.AppendUint32(out, 0xffffffff)
	out = le.AppendUint32(out, 0xffffffff)
	return le.AppendUint16(out, 0)
}

func TestZip64(t *testing.T) {
	names := []string{"001开幕.txt", "目录/002闭幕.txt", "003.txt"}
	data := []string{"正文一", "正文二", strings.Repeat("长", 1000)}
	b := zip64Archive(names, data)
	// archive/zip reads the same archive: the test archive is well formed
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil || len(zr.File) != 3 || zr.File[2].UncompressedSize64 != 3000 {
		t.Fatalf("archive/zip: %v", err)
	}
	z := newFS(t, b)
	if err := fstest.TestFS(z, names...); err != nil {
		t.Fatal(err)
	}
	for i, name := range names {
		if got, err := fs.ReadFile(z, name); err != nil || string(got) != data[i] {
			t.Errorf("%s: %d bytes, %v", name, len(got), err)
		}
	}
	// the zip64 end record holds the count: a wrong one is an error
	wrong := bytes.Clone(b)
	e64 := bytes.LastIndex(wrong, []byte("PK\x06\x06"))
	le.PutUint64(wrong[e64+32:], 4)
	if _, err := New(bytes.NewReader(wrong), int64(len(wrong))); !errors.Is(err, zip.ErrFormat) {
		t.Errorf("wrong zip64 count: %v", err)
	}
	// a record that says its offset is in a zip64 field without it: the
	// field holds the two sizes, then comes another field
	short := bytes.Clone(b)
	f := records(t, short)[1] + centralLen + len(names[1])
	le.PutUint16(short[f+2:], 16)
	le.PutUint16(short[f+4+16:], 0xcafe)
	le.PutUint16(short[f+4+16+2:], 4)
	if _, err := New(bytes.NewReader(short), int64(len(short))); !errors.Is(err, errZip64) {
		t.Errorf("zip64 field without the offset: %v", err)
	}
}

func TestDuplicateNames(t *testing.T) {
	b := buildZip(t,
		zipEntry{name: "dir/", data: ""},
		zipEntry{name: "dir", data: "文件在目录之后"},
		zipEntry{name: gb(t, "同名.txt"), data: "旧"},
		zipEntry{name: "同名.txt", flag: true, data: "新"},
		zipEntry{name: "dir/a.txt", data: "一"},
		zipEntry{name: `dir\a.txt`, data: "二"},
	)
	z := newFS(t, b)
	if err := fstest.TestFS(z, "dir/a.txt", "同名.txt"); err != nil {
		t.Fatal(err)
	}
	if fi, err := z.Stat("dir"); err != nil || !fi.IsDir() {
		t.Errorf("dir: %v, %v: want the folder", fi, err)
	}
	for name, want := range map[string]string{"同名.txt": "新", "dir/a.txt": "二"} {
		if got, err := fs.ReadFile(z, name); err != nil || string(got) != want {
			t.Errorf("%s: %q, %v; want the last entry %q", name, got, err, want)
		}
	}
	if list, _ := z.ReadDir("."); len(list) != 2 {
		t.Errorf("root: %v, want dir and 同名.txt once each", list)
	}
}

// TestHeldMemoryPerEntry checks that an open archive holds a compact
// record per entry, not a copy of each central directory record.
func TestHeldMemoryPerEntry(t *testing.T) {
	const n = 20000
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for i := range n {
		name := fmt.Sprintf("%06d县农业局开展冬季果树修剪培训.txt", i) // 48 bytes
		f, _ := w.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
		io.WriteString(f, "正文")
	}
	w.Close()
	b := buf.Bytes()
	before := benchkit.LiveHeap()
	z := newFS(t, b)
	held := float64(benchkit.LiveHeap()-before) / n
	runtime.KeepAlive(z)
	if held > 150 {
		t.Errorf("the open archive holds %.0f bytes per entry of a 48-byte name, want at most 150", held)
	}
	t.Logf("%.0f bytes per entry", held)
}

// FuzzNew checks that any bytes either fail to open or give a file system
// whose every file reads to its end or fails, without a panic and without
// reading past the size an entry declares.
func FuzzNew(f *testing.F) {
	f.Add(threeFiles(f))
	f.Add(zip64Archive([]string{"a.txt", "b/c.txt"}, []string{"甲", "乙"}))
	f.Add(gbArchive(f))
	f.Fuzz(func(t *testing.T, b []byte) {
		z, err := New(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			return
		}
		fs.WalkDir(z, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			fi, err := d.Info()
			if err != nil {
				t.Fatalf("%s: Info: %v", p, err)
			}
			if got, err := fs.ReadFile(z, p); err == nil && int64(len(got)) != fi.Size() {
				t.Fatalf("%s: read %d bytes, size %d", p, len(got), fi.Size())
			}
			return nil
		})
	})
}

func TestEmptyArchive(t *testing.T) {
	var buf bytes.Buffer
	zip.NewWriter(&buf).Close()
	z := newFS(t, buf.Bytes())
	if list, err := z.ReadDir("."); err != nil || len(list) != 0 {
		t.Errorf("ReadDir: %v, %v", list, err)
	}
	if err := fstest.TestFS(z); err != nil {
		t.Error(err)
	}
}

// TestDataBeforeTheArchive reads an archive behind other bytes, as a
// self-extracting program carries it: its offsets count from its start.
func TestDataBeforeTheArchive(t *testing.T) {
	b := append(bytes.Repeat([]byte("MZ"), 500), threeFiles(t)...)
	z := newFS(t, b)
	if got, err := fs.ReadFile(z, "c.txt"); err != nil || string(got) != "文章c" {
		t.Errorf("c.txt: %q, %v", got, err)
	}
}
