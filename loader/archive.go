package loader

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"newsbrowse/loader/zipfs"
)

// IsArchive reports whether p names a zip archive: a regular file whose
// name ends in ".zip" (any case). Such a file is read as a collection.
func IsArchive(p string) bool {
	if !hasZip(p) {
		return false
	}
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular()
}

func hasZip(p string) bool {
	return len(p) > 4 && strings.EqualFold(p[len(p)-4:], ".zip")
}

// SplitArchive splits a path naming an article inside a zip archive,
// ARCHIVE.zip/REL, into the archive's path and REL, the entry's path as
// --list shows it: decoded to UTF-8 (see zipfs.DecodeName). A REL that is
// not UTF-8 is decoded from GB18030 as DecodeName does, so the bytes of
// the name --list gives for the unpacked folder name the entry too. ok is
// false when no leading part of p is an archive.
func SplitArchive(p string) (archive, rel string, ok bool) {
	for i := 0; i < len(p); i++ {
		if !os.IsPathSeparator(p[i]) || !IsArchive(p[:i]) {
			continue
		}
		rel = path.Clean(filepath.ToSlash(p[i+1:]))
		if !utf8.ValidString(rel) {
			// "/" is never a byte of a GB18030 character.
			parts := strings.Split(rel, "/")
			for i, part := range parts {
				parts[i] = DecodeName(part)
			}
			rel = strings.Join(parts, "/")
		}
		if rel == "." || !fs.ValidPath(rel) {
			return "", "", false
		}
		return p[:i], rel, true
	}
	return "", "", false
}

// OpenArchive opens the zip archive at p as a collection: only its central
// directory is read now (see zipfs). A file that is not a zip archive, or
// is cut short, is an error.
func OpenArchive(p string) (fs.FS, error) {
	z, err := zipfs.Open(p)
	if err != nil {
		return nil, fmt.Errorf("cannot read the archive: %w", err)
	}
	return z, nil
}

// scanArchive is ScanPath for an archive, or for the article rel inside
// it when rel is not "".
func scanArchive(archive, rel string) (fs.FS, []Entry, error) {
	root, err := OpenArchive(archive)
	if err != nil {
		return nil, nil, err
	}
	if rel == "" {
		entries, err := Scan(root)
		if err != nil {
			return nil, nil, err
		}
		return root, entries, nil
	}
	fi, err := fs.Stat(root, rel)
	switch {
	case err != nil:
		return nil, nil, fmt.Errorf("%s: %w", archive, err)
	case fi.IsDir():
		return nil, nil, fmt.Errorf("%s/%s: a folder inside the archive: give the archive or one article", archive, rel)
	case !fi.Mode().IsRegular():
		return nil, nil, &fs.PathError{Op: "open", Path: archive + "/" + rel, Err: errors.New("not a regular file")}
	}
	e := newEntry(rel, path.Base(rel))
	fromFirstLine(root, &e, new(Reader))
	return root, []Entry{e}, nil
}
