// The folders of an archive, built from the names of its entries.

package zipfs

import (
	"errors"
	"io/fs"
	"math"
	"path"
	"slices"
	"strings"
	"time"
)

// dirNode is a folder of the archive; it is its own fs.DirEntry and
// fs.FileInfo.
type dirNode struct {
	name string
	// kids are the folder's entries, sorted by name: a file is its index
	// in FS.files, a folder i is ^i, its index in FS.dirList.
	kids []int32
}

func (d *dirNode) Name() string               { return d.name }
func (d *dirNode) IsDir() bool                { return true }
func (d *dirNode) Type() fs.FileMode          { return fs.ModeDir }
func (d *dirNode) Info() (fs.FileInfo, error) { return d, nil }
func (d *dirNode) Mode() fs.FileMode          { return fs.ModeDir | 0o555 }
func (d *dirNode) Sys() any                   { return nil }
func (d *dirNode) Size() int64                { return 0 }
func (d *dirNode) ModTime() time.Time         { return time.Time{} }

// errTooMany is the error of an archive with more entries than an index
// of FS holds.
var errTooMany = errors.New("zip: too many entries")

// builder lays out the files and folders of an archive as its records are
// read.
type builder struct {
	files   []entry
	names   strings.Builder // the base names of the latest files
	dirs    map[string]*dirNode
	dirList []*dirNode
	err     error
}

func newBuilder(capacity int) *builder {
	root := &dirNode{name: "."}
	return &builder{
		files:   make([]entry, 0, capacity),
		dirs:    map[string]*dirNode{".": root},
		dirList: []*dirNode{root},
	}
}

// add adds the entry of rec at the path an unpacking tool would give it
// (see localPath).
func (b *builder) add(rec *record) {
	p, isDir := localPath(rec.name)
	if isDir || rec.dir {
		b.mkdirAll(p)
		return
	}
	if p == "." {
		return
	}
	if len(b.files) == math.MaxInt32 {
		b.err = errTooMany
		return
	}
	dir := b.mkdirAll(path.Dir(p))
	dir.kids = append(dir.kids, int32(len(b.files)))
	b.files = append(b.files, entry{
		name:   b.intern(path.Base(p)),
		header: rec.header, csize: rec.csize, usize: rec.usize, crc: rec.crc,
		dosTime: rec.dosTime, method: rec.method, flags: rec.flags, mode: rec.fileMode(),
	})
}

// nameBlock is the size of the blocks that hold the names of files.
const nameBlock = 64 << 10

// intern returns a copy of name that shares a block of memory with the
// names before it: a block is filled and never moved, so that no name
// costs an allocation of its own and no block is copied as they grow.
func (b *builder) intern(name string) string {
	if len(name) > nameBlock/4 {
		return strings.Clone(name)
	}
	if b.names.Cap()-b.names.Len() < len(name) {
		b.names = strings.Builder{}
		b.names.Grow(nameBlock)
	}
	start := b.names.Len()
	b.names.WriteString(name)
	return b.names.String()[start:]
}

// mkdirAll returns the folder p, creating it and its parents as needed.
func (b *builder) mkdirAll(p string) *dirNode {
	if d, ok := b.dirs[p]; ok {
		return d
	}
	if len(b.dirList) == math.MaxInt32 {
		b.err = errTooMany
		return b.dirList[0]
	}
	parent := b.mkdirAll(path.Dir(p))
	p = strings.Clone(p)
	d := &dirNode{name: path.Base(p)}
	parent.kids = append(parent.kids, ^int32(len(b.dirList)))
	b.dirList = append(b.dirList, d)
	b.dirs[p] = d
	return d
}

// finish sorts every folder by name, keeping one entry per name: the
// folder if there is one, else the last file of that name in the central
// directory.
func (b *builder) finish() *FS {
	z := &FS{files: b.files, dirs: b.dirs, dirList: b.dirList}
	for _, d := range b.dirList {
		d.kids = z.uniqueSorted(d.kids)
	}
	return z
}

// uniqueSorted sorts kids by name, then folders first, then by index, and
// keeps one per name.
func (z *FS) uniqueSorted(kids []int32) []int32 {
	slices.SortFunc(kids, func(a, b int32) int {
		if c := strings.Compare(z.kidName(a), z.kidName(b)); c != 0 {
			return c
		}
		return int(a) - int(b) // folders (negative) first, then files in order
	})
	out := kids[:0]
	for i, k := range kids {
		if i > 0 && z.kidName(k) == z.kidName(kids[i-1]) {
			if last := out[len(out)-1]; last >= 0 {
				out[len(out)-1] = k // a later file of the same name
			}
			continue
		}
		out = append(out, k)
	}
	return slices.Clip(out)
}

// kidName is the name of the folder entry k.
func (z *FS) kidName(k int32) string {
	if k < 0 {
		return z.dirList[^k].name
	}
	return z.files[k].name
}

// entries returns the kids i to j of the folder d as DirEntry values.
func (z *FS) entries(d *dirNode, i, j int) []fs.DirEntry {
	out := make([]fs.DirEntry, j-i)
	for n, k := range d.kids[i:j] {
		if k < 0 {
			out[n] = z.dirList[^k]
		} else {
			out[n] = &z.files[k]
		}
	}
	return out
}

// lookup returns the folder or the file of name.
func (z *FS) lookup(op, name string) (*dirNode, *entry, error) {
	if !fs.ValidPath(name) {
		return nil, nil, &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	if d, ok := z.dirs[name]; ok {
		return d, nil, nil
	}
	if parent, ok := z.dirs[path.Dir(name)]; ok {
		base := path.Base(name)
		i, found := slices.BinarySearchFunc(parent.kids, base, func(k int32, b string) int { return strings.Compare(z.kidName(k), b) })
		if found && parent.kids[i] >= 0 {
			return nil, &z.files[parent.kids[i]], nil
		}
	}
	return nil, nil, &fs.PathError{Op: op, Path: name, Err: fs.ErrNotExist}
}
