package loader

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// DirFS returns a read-only file system for the directory dir, like
// os.DirFS, except that it also accepts names that are not valid UTF-8.
// os.DirFS refuses those (fs.ValidPath requires UTF-8), but collections
// copied from Windows machines hold file and folder names in GB18030.
// Names are otherwise checked as fs.ValidPath does: slash-separated, no
// empty, "." or ".." element, no leading or trailing slash.
func DirFS(dir string) fs.FS {
	return newDirFS(dir)
}

type dirFS struct {
	root string
	// plain: root is a clean path (as filepath.Clean makes it) other than
	// "/" and ".", without a NUL, so the path of a valid name other than
	// "." is root, a separator and the name (see cpath)
	plain bool
}

func newDirFS(root string) dirFS {
	return dirFS{root: root, plain: root != "" && root != "/" && root != "." &&
		strings.IndexByte(root, 0) < 0 && filepath.Clean(root) == root}
}

var (
	_ fs.StatFS     = dirFS{}
	_ fs.ReadDirFS  = dirFS{}
	_ fs.ReadFileFS = dirFS{}
)

// validName is fs.ValidPath without its UTF-8 requirement.
func validName(name string) bool {
	if name == "." {
		return true
	}
	if strings.IndexByte(name, 0) >= 0 {
		return false
	}
	if runtime.GOOS == "windows" && strings.ContainsAny(name, `\:`) {
		return false
	}
	for {
		i := strings.IndexByte(name, '/')
		if i < 0 {
			i = len(name)
		}
		elem := name[:i]
		if elem == "" || elem == "." || elem == ".." {
			return false
		}
		if i == len(name) {
			return true
		}
		name = name[i+1:]
	}
}

// join returns the operating-system path of name.
func (dir dirFS) join(op, name string) (string, error) {
	if dir.root == "" {
		return "", &fs.PathError{Op: op, Path: name, Err: errors.New("empty root")}
	}
	if !validName(name) {
		return "", &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	if name == "." {
		return dir.root, nil
	}
	return filepath.Join(dir.root, filepath.FromSlash(name)), nil
}

// relative rewrites the path of an *fs.PathError to the name inside the
// file system, as os.DirFS does, so messages do not depend on the root.
func relative(err error, name string) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		pe.Path = name
	}
	return err
}

// Open opens name read-only; where the system allows, without blocking, so
// that opening a FIFO returns at once instead of waiting for a writer.
func (dir dirFS) Open(name string) (fs.File, error) {
	full, err := dir.join("open", name)
	if err != nil {
		return nil, err
	}
	f, err := os.OpenFile(full, openFlags, 0)
	if err != nil {
		return nil, relative(err, name)
	}
	return f, nil
}

// Stat returns the FileInfo of name, following symbolic links.
func (dir dirFS) Stat(name string) (fs.FileInfo, error) {
	full, err := dir.join("stat", name)
	if err != nil {
		return nil, err
	}
	fi, err := os.Stat(full)
	if err != nil {
		return nil, relative(err, name)
	}
	return fi, nil
}

// ReadDir returns the entries of the directory name sorted by name.
func (dir dirFS) ReadDir(name string) ([]fs.DirEntry, error) {
	full, err := dir.join("readdir", name)
	if err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(full)
	if err != nil {
		return nil, relative(err, name)
	}
	return entries, nil
}

// ReadFile returns the content of name.
func (dir dirFS) ReadFile(name string) ([]byte, error) {
	full, err := dir.join("read", name)
	if err != nil {
		return nil, err
	}
	b, err := os.ReadFile(full)
	if err != nil {
		return nil, relative(err, name)
	}
	return b, nil
}
