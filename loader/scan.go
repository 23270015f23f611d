package loader

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Scan lists the articles of a collection: every regular file whose name
// ends in ".txt" (any case), in fsys and all its sub-folders, sorted with
// SortEntries. Files and folders whose name starts with "." are skipped.
// Only names are read, no file is opened: the type bits of the directory
// entries decide, except for a symbolic link ending in ".txt", which is
// kept when it leads to a regular file (fs.WalkDir never follows links to
// folders, so a link loop cannot trap the scan). A sub-folder that cannot
// be read is skipped; an error is returned only when the root itself
// cannot be read.
func Scan(fsys fs.FS) ([]Entry, error) {
	var entries []Entry
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "." {
				return err
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		if p != "." && name[0] == '.' {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !hasTxt(name) {
			return nil
		}
		if t := d.Type(); !t.IsRegular() {
			if t&fs.ModeSymlink == 0 || !regularTarget(fsys, p) {
				return nil
			}
		}
		entries = append(entries, newEntry(p, name))
		return nil
	})
	if err != nil {
		return nil, err
	}
	SortEntries(entries)
	return entries, nil
}

// regularTarget reports whether the symbolic link p leads to a regular file.
func regularTarget(fsys fs.FS, p string) bool {
	fi, err := fs.Stat(fsys, p)
	return err == nil && fi.Mode().IsRegular()
}

// newEntry builds the entry of the file at relPath whose base name is base.
func newEntry(relPath, base string) Entry {
	prefix, title := ParseName(DecodeName(base))
	return Entry{Prefix: prefix, Title: title, RelPath: relPath}
}

// ScanPath opens a collection given on the command line. For a folder it
// returns the folder as root and Scan's entries. For a single file it
// returns the file's folder as root and one entry for the file, whatever
// its name. The root accepts GB18030 names (see DirFS).
func ScanPath(path string) (root fs.FS, entries []Entry, err error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, nil, err
	}
	if fi.IsDir() {
		root = DirFS(path)
		entries, err = Scan(root)
		if err != nil {
			return nil, nil, err
		}
		return root, entries, nil
	}
	if !fi.Mode().IsRegular() {
		return nil, nil, fmt.Errorf("%s: not a regular file or folder", path)
	}
	base := filepath.Base(path)
	return DirFS(filepath.Dir(path)), []Entry{newEntry(base, base)}, nil
}
