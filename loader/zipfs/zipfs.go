// Package zipfs reads a zip archive as a read-only fs.FS whose names are
// decoded to UTF-8 (see Name), so that a crawl can be browsed without
// unpacking it. Only the central directory is read when the archive is
// opened; an entry is inflated when it is opened, and only when its sizes
// are believable (see Limits).
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
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"time"
)

// FS is a zip archive as a file system. It is safe for concurrent use.
type FS struct {
	zr     *zip.Reader
	closer io.Closer
	dirs   map[string]*node // every folder, "." the root
}

var (
	_ fs.StatFS    = (*FS)(nil)
	_ fs.ReadDirFS = (*FS)(nil)
)

// Limits are what an entry may inflate to before it is refused unread.
// Go's zip reader stops at the size the central directory declares, so the
// declared sizes bound the work.
type Limits struct {
	MaxSize   uint64 // largest size of an entry, inflated
	MaxRatio  uint64 // largest ratio of inflated to compressed size ...
	RatioFrom uint64 // ... for entries larger than this
}

// DefaultLimits allow any text article: the largest file newsbrowse reads
// (256 MB) and a ratio far beyond what deflate reaches on real text (3–10:1).
var DefaultLimits = Limits{MaxSize: 256 << 20, MaxRatio: 100, RatioFrom: 1 << 20}

// ErrRefused is the error of opening an entry that Limits refuse.
var ErrRefused = errors.New("refused as a possible zip bomb")

// ErrEncrypted is the error of opening an encrypted entry.
var ErrEncrypted = errors.New("encrypted entry")

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
func New(r io.ReaderAt, size int64) (*FS, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		// ErrInsecurePath comes with a usable reader: such names are
		// made local below.
		return nil, err
	}
	z := &FS{zr: zr, dirs: map[string]*node{".": {name: ".", mode: fs.ModeDir | 0o555}}}
	for _, zf := range zr.File {
		p, isDir := localPath(Name(&zf.FileHeader))
		if isDir || zf.Mode().IsDir() {
			z.mkdirAll(p)
			continue
		}
		if p == "." {
			continue
		}
		dir := z.mkdirAll(path.Dir(p))
		dir.kids = append(dir.kids, &node{name: path.Base(p), zf: zf, mode: fileMode(zf)})
	}
	for _, d := range z.dirs {
		d.kids = uniqueSorted(d.kids)
	}
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

// fileMode is the mode of a file entry: read-only and regular, unless the
// archive says it is a symbolic link (never followed).
func fileMode(zf *zip.File) fs.FileMode {
	if zf.Mode()&fs.ModeSymlink != 0 {
		return fs.ModeSymlink | 0o444
	}
	return 0o444
}

// mkdirAll returns the folder p, creating it and its parents as needed.
func (z *FS) mkdirAll(p string) *node {
	if d, ok := z.dirs[p]; ok {
		return d
	}
	parent := z.mkdirAll(path.Dir(p))
	d := &node{name: path.Base(p), mode: fs.ModeDir | 0o555}
	parent.kids = append(parent.kids, d)
	z.dirs[p] = d
	return d
}

// uniqueSorted sorts the entries of a folder by name and keeps one per
// name: the folder if there is one, else the last file.
func uniqueSorted(kids []*node) []*node {
	slices.SortStableFunc(kids, func(a, b *node) int { return strings.Compare(a.name, b.name) })
	out := kids[:0]
	for _, k := range kids {
		if n := len(out); n > 0 && out[n-1].name == k.name {
			if !out[n-1].IsDir() {
				out[n-1] = k
			}
			continue
		}
		out = append(out, k)
	}
	clear(kids[len(out):])
	return out
}

// lookup returns the node of name.
func (z *FS) lookup(op, name string) (*node, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	if d, ok := z.dirs[name]; ok {
		return d, nil
	}
	if parent, ok := z.dirs[path.Dir(name)]; ok {
		base := path.Base(name)
		i, found := slices.BinarySearchFunc(parent.kids, base, func(n *node, b string) int { return strings.Compare(n.name, b) })
		if found {
			return parent.kids[i], nil
		}
	}
	return nil, &fs.PathError{Op: op, Path: name, Err: fs.ErrNotExist}
}

// Stat returns the FileInfo of name; a symbolic link is not followed.
func (z *FS) Stat(name string) (fs.FileInfo, error) {
	n, err := z.lookup("stat", name)
	if err != nil {
		return nil, err
	}
	return n, nil
}

// ReadDir returns the entries of the folder name, sorted by name.
func (z *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	n, err := z.lookup("readdir", name)
	if err != nil {
		return nil, err
	}
	if !n.IsDir() {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: errors.New("not a folder")}
	}
	return n.entries(0, len(n.kids)), nil
}

// Open opens name. A file is inflated as it is read, after Limits checked
// its declared sizes; its content is checked against its CRC-32 at the
// end (a mismatch is an error of that file's Read only).
func (z *FS) Open(name string) (fs.File, error) {
	n, err := z.lookup("open", name)
	if err != nil {
		return nil, err
	}
	if n.IsDir() {
		return &dirFile{n: n}, nil
	}
	if err := z.check(n); err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	rc, err := n.zf.Open()
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return &file{n: n, rc: rc}, nil
}

// check refuses an entry that cannot be read or is too large for Limits.
func (z *FS) check(n *node) error {
	h := &n.zf.FileHeader
	u, c, l := h.UncompressedSize64, h.CompressedSize64, DefaultLimits
	switch {
	case n.mode&fs.ModeSymlink != 0:
		return errors.New("symbolic link inside an archive, not followed")
	case h.Flags&0x1 != 0:
		return ErrEncrypted
	case u > l.MaxSize:
		return fmt.Errorf("%w: %d MB when inflated, more than %d MB", ErrRefused, u>>20, l.MaxSize>>20)
	case u > l.RatioFrom && (c == 0 || u/c > l.MaxRatio):
		return fmt.Errorf("%w: inflates %d bytes to %d, more than %d:1", ErrRefused, c, u, l.MaxRatio)
	}
	return nil
}

// node is a folder or a file of the archive; it is its own fs.DirEntry
// and fs.FileInfo.
type node struct {
	name string
	zf   *zip.File // nil for a folder
	kids []*node   // a folder's entries, sorted by name
	mode fs.FileMode
}

func (n *node) Name() string               { return n.name }
func (n *node) IsDir() bool                { return n.mode.IsDir() }
func (n *node) Type() fs.FileMode          { return n.mode.Type() }
func (n *node) Info() (fs.FileInfo, error) { return n, nil }
func (n *node) Mode() fs.FileMode          { return n.mode }
func (n *node) Sys() any                   { return nil }

func (n *node) Size() int64 {
	if n.zf == nil {
		return 0
	}
	return int64(min(n.zf.UncompressedSize64, 1<<62))
}

func (n *node) ModTime() time.Time {
	if n.zf == nil {
		return time.Time{}
	}
	return n.zf.Modified
}

// entries returns the kids i to j of a folder as DirEntry values.
func (n *node) entries(i, j int) []fs.DirEntry {
	out := make([]fs.DirEntry, j-i)
	for k, kid := range n.kids[i:j] {
		out[k] = kid
	}
	return out
}

// file is an open file entry.
type file struct {
	n  *node
	rc io.ReadCloser
}

func (f *file) Stat() (fs.FileInfo, error) { return f.n, nil }
func (f *file) Read(b []byte) (int, error) { return f.rc.Read(b) }
func (f *file) Close() error               { return f.rc.Close() }

// dirFile is an open folder.
type dirFile struct {
	n   *node
	off int
}

func (d *dirFile) Stat() (fs.FileInfo, error) { return d.n, nil }
func (d *dirFile) Close() error               { return nil }

func (d *dirFile) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.n.name, Err: errors.New("is a folder")}
}

// ReadDir returns the next n entries (all that remain when n <= 0).
func (d *dirFile) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := len(d.n.kids) - d.off
	if n > 0 && rest == 0 {
		return nil, io.EOF
	}
	if n <= 0 || n > rest {
		n = rest
	}
	out := d.n.entries(d.off, d.off+n)
	d.off += n
	return out, nil
}
