package loader

import (
	"errors"
	"io/fs"
	"path"
	"path/filepath"
)

// Article is one loaded article, ready for display.
type Article struct {
	Entry    Entry
	Blocks   []Block // Document(title, cleaned body)
	Encoding string  // the encoding Decode found, or "binary"
	Size     int     // size of the file in bytes
}

// ErrBinary is returned for a file that does not hold text.
var ErrBinary = errors.New("binary file, not shown")

// EncBinary is the Encoding of an article whose content is binary.
const EncBinary = "binary"

// Load reads and cleans the article e of fsys. The file is only opened for
// reading, and only when it is a regular file (so a FIFO cannot block).
// Read errors are *fs.PathError values naming the file as DisplayPath
// shows e.RelPath. For binary content it returns ErrBinary together with
// an Article that holds the entry, the size and the title heading.
func Load(fsys fs.FS, e Entry) (Article, error) {
	b, err := readFile(fsys, e.RelPath)
	if err != nil {
		return Article{Entry: e}, err
	}
	return loadBytes(e, b)
}

// LoadRaw returns the content of the article e as text for the source view:
// decoded, then made safe with Visible. For binary content it returns
// ErrBinary.
func LoadRaw(fsys fs.FS, e Entry) (string, error) {
	b, err := readFile(fsys, e.RelPath)
	if err != nil {
		return "", err
	}
	if IsBinary(b) {
		return "", ErrBinary
	}
	s, _ := Decode(b)
	return Visible(s), nil
}

// LoadBytes cleans the content b of a file named name (a path; its base
// name gives prefix and title) as Load would.
func LoadBytes(name string, b []byte) (Article, error) {
	rel := filepath.ToSlash(name)
	return loadBytes(newEntry(rel, path.Base(rel)), b)
}

func loadBytes(e Entry, b []byte) (Article, error) {
	a := Article{Entry: e, Size: len(b)}
	if IsBinary(b) {
		a.Encoding = EncBinary
		a.Blocks = Document(e.Title, nil)
		return a, ErrBinary
	}
	s, enc := Decode(b)
	a.Encoding = enc
	a.Blocks = Document(e.Title, Clean(s))
	return a, nil
}

// readFile reads a regular file of fsys. Errors name the file.
func readFile(fsys fs.FS, name string) ([]byte, error) {
	fi, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, pathError("read", name, err)
	}
	if !fi.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "read", Path: DisplayPath(name), Err: errors.New("not a regular file")}
	}
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, pathError("read", name, err)
	}
	return b, nil
}

// pathError returns err as an *fs.PathError for name, unwrapping a
// PathError the file system returned so the name appears only once.
func pathError(op, name string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &fs.PathError{Op: op, Path: DisplayPath(name), Err: err}
}
