// Package zipfs reads a zip archive as a read-only fs.FS whose names are
// decoded to UTF-8 (see DecodeName), so that a crawl can be browsed
// without unpacking it. Only the central directory is read when the
// archive is opened, one record at a time, and only what an entry needs
// is kept of it: an archive of 100,000 entries holds about 11 MB where
// archive/zip's Reader holds 37 MB. An entry is inflated when it is
// opened, and only when its sizes are believable (see Limits); archive/zip
// supplies the errors (zip.ErrFormat, zip.ErrChecksum, zip.ErrAlgorithm).
//
// Names are laid out as an unpacking tool would write them on disk: "\" is
// a separator like "/", a leading "/" and the elements "", "." and ".." are
// dropped, so "../a.txt" and "/a.txt" are listed as "a.txt" (nothing is
// ever written to disk). A
// name that appears twice keeps its last entry; a name that is both a
// folder and a file is the folder.
package zipfs

import (
	"archive/zip"
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
)

// FS is a zip archive as a file system. It is safe for concurrent use.
//
// It holds one compact entry per file (no copy of the central directory's
// records), the base names of the files packed into 64 KB blocks, and the
// folders.
type FS struct {
	r       io.ReaderAt
	size    int64
	closer  io.Closer
	files   []entry             // in the order of the central directory
	dirs    map[string]*dirNode // every folder by path, "." the root
	dirList []*dirNode          // every folder, the root first
}

var (
	_ fs.StatFS    = (*FS)(nil)
	_ fs.ReadDirFS = (*FS)(nil)
)

// Open opens the zip archive at name and reads its central directory. A
// file that is not a zip archive, or one cut short, is an error.
func Open(name string) (*FS, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	z, err := New(f, fi.Size())
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	z.closer = f
	return z, nil
}

// New reads the central directory of the zip archive r of size bytes.
// The records are read one at a time; the number of them must be the
// number the end of the central directory gives (only its low 16 bits
// when the archive has no zip64 end record, as tools that write more than
// 65,535 entries without zip64 cut it).
func New(r io.ReaderAt, size int64) (*FS, error) {
	if size < 0 {
		return nil, errors.New("zip: negative size")
	}
	end, base, err := readEnd(r, size)
	if err != nil {
		return nil, err
	}
	// The records lie between the start of the directory and the end
	// record: one that runs past it is cut short.
	start := base + int64(end.offset)
	span := max(end.at-start, 0)
	br := bufio.NewReaderSize(io.NewSectionReader(r, start, span), 64<<10)
	// Every record takes at least centralLen bytes: a count beyond what
	// the directory can hold allocates nothing.
	b := newBuilder(int(min(end.records, uint64(span)/centralLen)))
	var rec record
	var scratch []byte
	var n uint64
	for {
		err = readRecord(br, &scratch, &rec)
		if err == zip.ErrFormat || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			return nil, err
		}
		rec.header += base
		b.add(&rec)
		n++
	}
	if n != end.records && (end.exact || uint16(n) != uint16(end.records)) {
		return nil, fmt.Errorf("%w: %d entries in the central directory, %d read", zip.ErrFormat, end.records, n)
	}
	if b.err != nil {
		return nil, b.err
	}
	z := b.finish()
	z.r, z.size = r, size
	return z, nil
}

// Close closes the archive file opened by Open.
func (z *FS) Close() error {
	if z.closer == nil {
		return nil
	}
	return z.closer.Close()
}

// localPath makes a decoded entry name a valid fs path ("." for the
// root) as an unpacking tool would: "\" separates folders as "/" does (as
// Windows tools mean it; the name is decoded first, so a GBK trail byte
// 0x5C is part of its character), no leading "/", no "", "." or ".."
// element. isDir reports a trailing separator.
func localPath(name string) (p string, isDir bool) {
	name = strings.ReplaceAll(name, `\`, "/")
	isDir = strings.HasSuffix(name, "/")
	if fs.ValidPath(name) && !isDir {
		return name, false
	}
	var parts []string
	for _, elem := range strings.Split(name, "/") {
		if elem != "" && elem != "." && elem != ".." {
			parts = append(parts, elem)
		}
	}
	if len(parts) == 0 {
		return ".", isDir
	}
	return strings.Join(parts, "/"), isDir
}

// Stat returns the FileInfo of name; a symbolic link is not followed.
func (z *FS) Stat(name string) (fs.FileInfo, error) {
	d, e, err := z.lookup("stat", name)
	if err != nil {
		return nil, err
	}
	if d != nil {
		return d, nil
	}
	return e, nil
}

// ReadDir returns the entries of the folder name, sorted by name.
func (z *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	d, _, err := z.lookup("readdir", name)
	if err != nil {
		return nil, err
	}
	if d == nil {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: errors.New("not a folder")}
	}
	return z.entries(d, 0, len(d.kids)), nil
}

// Open opens name. A file is inflated as it is read, after Limits checked
// its declared sizes; its content is checked against its CRC-32 at the
// end (a mismatch is an error of that file's Read only).
func (z *FS) Open(name string) (fs.File, error) {
	d, e, err := z.lookup("open", name)
	if err != nil {
		return nil, err
	}
	if d != nil {
		return &dirFile{z: z, d: d}, nil
	}
	if err := e.check(); err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	rc, err := e.open(z.r, z.size)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return &file{e: e, rc: rc}, nil
}

// file is an open file entry.
type file struct {
	e  *entry
	rc io.ReadCloser
}

func (f *file) Stat() (fs.FileInfo, error) { return f.e, nil }
func (f *file) Read(b []byte) (int, error) { return f.rc.Read(b) }
func (f *file) Close() error               { return f.rc.Close() }

// dirFile is an open folder.
type dirFile struct {
	z   *FS
	d   *dirNode
	off int
}

func (d *dirFile) Stat() (fs.FileInfo, error) { return d.d, nil }
func (d *dirFile) Close() error               { return nil }

func (d *dirFile) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.d.name, Err: errors.New("is a folder")}
}

// ReadDir returns the next n entries (all that remain when n <= 0).
func (d *dirFile) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := len(d.d.kids) - d.off
	if n > 0 && rest == 0 {
		return nil, io.EOF
	}
	if n <= 0 || n > rest {
		n = rest
	}
	out := d.z.entries(d.d, d.off, d.off+n)
	d.off += n
	return out, nil
}
