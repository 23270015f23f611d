package loader

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Scan lists the articles of a collection: every regular file whose name
// ends in ".txt" (any case), in fsys and all its sub-folders, sorted with
// SortEntries. Files and folders whose name starts with "." are skipped.
// Only names are read, no file is opened: the type bits of the directory
// entries decide, except for a symbolic link ending in ".txt", which is
// kept when it leads to a regular file (links to folders are never
// followed, so a link loop cannot trap the scan). A sub-folder that cannot
// be read is skipped whole; an error is returned only when the root itself
// cannot be read or is not a folder.
//
// Folders are read through the ReadDir method of fsys when it has one (as
// fs.ReadDir does), else through the fs.ReadDirFile that Open returns, in
// batches and in the order the file system gives. A DirFS folder is read
// in the order of the system too, without the sort of its ReadDir (the
// sort at the end decides the order): on Linux from its directory records
// (see readFolder), elsewhere in batches.
func Scan(fsys fs.FS) ([]Entry, error) {
	return scan(fsys, dirBatch, nil)
}

// ScanFunc is Scan calling found, as the scan goes, with the articles
// found so far, in batches of at most dirBatch, each entry as Scan will
// return it: a search can start on them before the folders are all read
// and sorted. Every entry Scan returns is given to found once; an entry of
// a sub-folder that could not be read to its end may have been given
// too, but is not returned.
func ScanFunc(fsys fs.FS, found func([]Entry)) ([]Entry, error) {
	return scan(fsys, dirBatch, found)
}

// dirBatch is how many entries Scan reads from a folder at a time where
// it reads fs.DirEntry values (they are garbage once their names are
// used), and the most entries it gives found at once.
const dirBatch = 4096

// scan is ScanFunc reading batch entries at a time; found may be nil.
func scan(fsys fs.FS, batch int, found func([]Entry)) ([]Entry, error) {
	// A missing root fails with the error of Stat.
	if fi, err := fs.Stat(fsys, "."); err != nil {
		return nil, err
	} else if !fi.IsDir() {
		return nil, &fs.PathError{Op: "readdir", Path: ".", Err: errors.New("not a folder")}
	}
	s := scanner{fsys: fsys, batch: batch, given: found}
	if err := s.folder("."); err != nil {
		return nil, err
	}
	for len(s.dirs) > 0 {
		dir := s.dirs[len(s.dirs)-1]
		s.dirs = s.dirs[:len(s.dirs)-1]
		_ = s.folder(dir) // an unreadable sub-folder is skipped
	}
	var rd Reader
	var late []Entry // the entries named without a prefix, once read
	for i := range s.found.n {
		if e := s.found.at(i); e.Prefix == "" {
			fromFirstLine(fsys, e, &rd)
			if found != nil {
				late = append(late, *e)
				if len(late) == batch {
					found(late)
					late = nil
				}
			}
		}
	}
	if len(late) > 0 {
		found(late)
	}
	return s.found.sorted(), nil
}

// scanner holds the state of one scan: the articles found so far and the
// sub-folders still to read.
type scanner struct {
	fsys  fs.FS
	batch int
	found entryList
	dirs  []string
	// given, when not nil, is given the entries with a prefix as they
	// are found: their entry is final (see ScanFunc)
	given func([]Entry)
	// offered is how many entries of found were offered to given
	offered int
	// names holds the paths of the entries and folders
	names pathArena
	// dirents is the buffer of directory records, where a folder of a
	// DirFS is read that way (see readFolder)
	dirents []byte
}

// folder adds the articles of the folder dir and queues its sub-folders.
// When the folder cannot be read, nothing of it is kept.
func (s *scanner) folder(dir string) error {
	nFound, nDirs := s.found.n, len(s.dirs)
	err := s.read(dir)
	if err != nil {
		s.found.truncate(nFound)
		s.dirs = s.dirs[:nDirs]
		s.offered = min(s.offered, nFound)
	}
	return err
}

// read lists the folder dir into s.
func (s *scanner) read(dir string) error {
	switch fsys := s.fsys.(type) {
	case dirFS:
		return s.readFolder(fsys, dir)
	case fs.ReadDirFS:
		list, err := fsys.ReadDir(dir)
		if err != nil {
			return err
		}
		s.add(dir, list)
		return nil
	}
	f, err := s.fsys.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	rf, ok := f.(fs.ReadDirFile)
	if !ok {
		return &fs.PathError{Op: "readdir", Path: dir, Err: errors.New("not implemented")}
	}
	return s.readBatches(dir, rf)
}

// readBatches lists the open folder f, whose path is dir, into s.
func (s *scanner) readBatches(dir string, f fs.ReadDirFile) error {
	for {
		list, err := f.ReadDir(s.batch)
		s.add(dir, list)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if len(list) == 0 {
			// Neither entries nor io.EOF: a ReadDirFile that breaks
			// its contract must not loop for ever.
			return &fs.PathError{Op: "readdir", Path: dir, Err: io.ErrNoProgress}
		}
	}
}

// add adds the articles among the entries of the folder dir and queues
// its sub-folders.
func (s *scanner) add(dir string, list []fs.DirEntry) {
	for _, d := range list {
		s.take(dir, d.Name(), kindOf(d), false)
		s.offer(false)
	}
	s.offer(true)
}

// entryKind is what a directory entry is, as far as a scan cares.
type entryKind uint8

const (
	kindOther entryKind = iota // a FIFO, a device, a socket...: skipped
	kindFile                   // a regular file
	kindDir                    // a folder
	kindLink                   // a symbolic link
)

// kindOf returns the kind of d from its type bits.
func kindOf(d fs.DirEntry) entryKind {
	t := d.Type()
	switch {
	case d.IsDir():
		return kindDir
	case t.IsRegular():
		return kindFile
	case t&fs.ModeSymlink != 0:
		return kindLink
	}
	return kindOther
}

// take adds the entry name of the folder dir, of kind k, to s: an article
// when its name ends in ".txt" (any case) and it is a regular file or a
// symbolic link to one, a folder to read when it is a folder. Names that
// start with "." are skipped. With view, name is only read during the
// call (it is a view of a buffer of directory records) and what is kept
// is a copy; otherwise a name kept as it is (an entry of the root folder)
// is not copied, so that an entry holds no second copy of a name a zip
// archive keeps.
func (s *scanner) take(dir, name string, k entryKind, view bool) {
	if name == "" || name[0] == '.' {
		return
	}
	switch k {
	case kindDir:
		s.dirs = append(s.dirs, s.path(dir, name, view))
		return
	case kindOther:
		return
	}
	if !hasTxt(name) {
		return
	}
	p := s.path(dir, name, view)
	if k == kindLink && !regularTarget(s.fsys, p) {
		return
	}
	s.found.add(newEntry(p, p[len(p)-len(name):]))
}

// path returns the relative path of name inside the folder dir ("." is
// the root): name itself when it is the path and not a view (see take),
// else kept in s.names.
func (s *scanner) path(dir, name string, view bool) string {
	if dir == "." && !view {
		return name
	}
	return s.names.path(dir, name)
}

// offer gives s.given the entries found since it was last given some,
// once there are s.batch of them or, with all, as soon as there is one.
func (s *scanner) offer(all bool) {
	if s.given == nil {
		return
	}
	if n := s.found.n - s.offered; n >= s.batch || all && n > 0 {
		s.give(s.offered)
		s.offered = s.found.n
	}
}

// give gives s.given the entries found from from on that have a prefix,
// in a slice made to their number.
func (s *scanner) give(from int) {
	n := 0
	for i := from; i < s.found.n; i++ {
		if s.found.at(i).Prefix != "" {
			n++
		}
	}
	if n == 0 {
		return
	}
	final := make([]Entry, 0, n)
	for i := from; i < s.found.n; i++ {
		if e := s.found.at(i); e.Prefix != "" {
			final = append(final, *e)
		}
	}
	s.given(final)
}

// entryList holds the entries found by a scan in blocks, which are never
// moved or copied as the list grows.
type entryList struct {
	blocks [][]Entry
	n      int
}

// blockLen is the number of entries in a block of an entryList.
const blockLen = 1024

func (l *entryList) add(e Entry) {
	if l.n == len(l.blocks)*blockLen {
		l.blocks = append(l.blocks, make([]Entry, blockLen))
	}
	l.blocks[l.n/blockLen][l.n%blockLen] = e
	l.n++
}

// at returns the entry i; 0 <= i < l.n.
func (l *entryList) at(i int) *Entry {
	return &l.blocks[i/blockLen][i%blockLen]
}

// truncate drops the entries from n on.
func (l *entryList) truncate(n int) {
	for i := n; i < l.n; i++ {
		*l.at(i) = Entry{}
	}
	l.n = n
	l.blocks = l.blocks[:(n+blockLen-1)/blockLen]
}

// sorted returns the entries in one slice, sorted with SortEntries.
func (l *entryList) sorted() []Entry {
	if l.n == 0 {
		return nil
	}
	// out is made first: when making it starts a collection, the keys,
	// which hold no pointers, are sorted while it marks, and the
	// entries are copied after, without write barriers if it is done.
	out := make([]Entry, l.n)
	keys := sortedKeys(l.n, l.at)
	for i, k := range keys {
		out[i] = *l.at(int(k.index))
	}
	return out
}

// regularTarget reports whether the symbolic link p leads to a regular file.
func regularTarget(fsys fs.FS, p string) bool {
	fi, err := fs.Stat(fsys, p)
	return err == nil && fi.Mode().IsRegular()
}

// newEntry builds the entry of the file at relPath whose base name is base.
func newEntry(relPath, base string) Entry {
	if plainLine(base) {
		// Valid UTF-8 with nothing to remove: decoding and sanitizing
		// would return their input.
		prefix, title := splitName(base)
		return Entry{Prefix: prefix, Title: title, RelPath: relPath}
	}
	prefix, title := ParseName(DecodeName(base))
	return Entry{Prefix: prefix, Title: title, RelPath: relPath}
}

// ScanPath opens a collection given on the command line. For a folder it
// returns the folder as root and Scan's entries. For a single file it
// returns the file's folder as root and one entry for the file, whatever
// its name. The root accepts GB18030 names (see DirFS). A zip archive
// (see IsArchive) is a collection like a folder, and ARCHIVE.zip/REL one
// article of it (see SplitArchive), with the archive as root.
func ScanPath(path string) (root fs.FS, entries []Entry, err error) {
	return ScanPathFunc(path, nil)
}

// ScanPathFunc is ScanPath calling found with the root and the entries it
// finds as ScanFunc does; for a folder, as the scan goes. found may be
// nil.
func ScanPathFunc(path string, found func(fs.FS, []Entry)) (root fs.FS, entries []Entry, err error) {
	if found == nil {
		return scanPath(path, nil)
	}
	given := false // for a folder, as the scan goes
	root, entries, err = scanPath(path, func(root fs.FS, es []Entry) {
		given = true
		found(root, es)
	})
	if err == nil && !given && len(entries) > 0 {
		found(root, entries)
	}
	return root, entries, err
}

func scanPath(path string, found func(fs.FS, []Entry)) (root fs.FS, entries []Entry, err error) {
	fi, err := os.Stat(path)
	if err != nil {
		if archive, rel, ok := SplitArchive(path); ok {
			return scanArchive(archive, rel)
		}
		return nil, nil, err
	}
	if fi.Mode().IsRegular() && hasZip(path) {
		return scanArchive(path, "")
	}
	if fi.IsDir() {
		root = DirFS(path)
		var each func([]Entry)
		if found != nil {
			each = func(es []Entry) { found(root, es) }
		}
		entries, err = ScanFunc(root, each)
		if err != nil {
			return nil, nil, err
		}
		return root, entries, nil
	}
	if !fi.Mode().IsRegular() {
		return nil, nil, fmt.Errorf("%s: not a regular file or folder", path)
	}
	base := filepath.Base(path)
	root = DirFS(filepath.Dir(path))
	e := newEntry(base, base)
	fromFirstLine(root, &e, new(Reader))
	return root, []Entry{e}, nil
}
