// Package marks keeps the set of articles a reader has marked, per
// collection, in the user's state directory (see loader/statefile for where
// and for the guarantees every state file shares). Nothing is ever written
// inside a collection.
//
// Marks are changed by operations, not by writing a whole set: Store.Apply
// reads the file under its lock, applies the operations and writes the
// result, so two processes marking articles of the same collection at the
// same time both keep their marks.
package marks

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"time"

	"newsbrowse/loader/statefile"
)

// maxFile is the largest marks file read: 100,000 marks of long paths stay
// far below it.
const maxFile = 64 << 20

// now is the clock of the names files are set aside under; tests set it.
var now = time.Now

// Dir returns the state directory (statefile.Dir).
func Dir() (string, error) { return statefile.Dir() }

// FileName returns the name of the marks file of the collection at the
// absolute path collectionAbs.
func FileName(collectionAbs string) string {
	return statefile.Base(collectionAbs) + ".json"
}

// Op marks (On) or unmarks one article, named by its path in the
// collection.
type Op struct {
	Rel string
	On  bool
}

// Store is the marks file of one collection in one state directory. The
// state directory chooses whose marks they are: statefile.Dir for the
// user running the program, or statefile.OwnerDir(base, fingerprint) for
// one of the people served over SSH.
type Store struct {
	path, col string
}

// Open returns the store of the marks of the collection at collectionAbs
// kept in stateDir. Nothing is read or written yet. A relative collection
// path or a state directory inside the collection is refused.
func Open(stateDir, collectionAbs string) (Store, error) {
	dir, col, err := statefile.CheckPaths(stateDir, collectionAbs)
	if err != nil {
		return Store{}, fmt.Errorf("marks: %w", err)
	}
	return Store{path: filepath.Join(dir, FileName(col)), col: col}, nil
}

// Path is where the marks are kept.
func (s Store) Path() string { return s.path }

// Load reads the marks. A missing file means no marks. A file that cannot
// be used (not a regular file, too large, not parsable, another
// collection's) is an error holding a *statefile.UnreadableError; the file
// is left as it is (see SetAside).
func (s Store) Load() (map[string]bool, error) {
	set, err := s.read()
	if err != nil {
		return nil, fmt.Errorf("marks: %w", err)
	}
	return set, nil
}

// read is Load without the package's prefix on errors.
func (s Store) read() (map[string]bool, error) {
	data, err := statefile.ReadFile(s.path, maxFile)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]bool{}, nil
	}
	if err != nil {
		return nil, err
	}
	return decode(s.path, s.col, data)
}

// SetAside moves an unreadable marks file out of the way, under the lock,
// so that new marks can be kept without writing over it, and returns where
// it now is. When the file is readable by then (another process replaced
// it), it is left alone and aside is "".
func (s Store) SetAside() (aside string, err error) {
	aside, err = statefile.SetAsideUnreadable(s.path, now, func() error {
		_, err := s.read()
		return err
	})
	if err != nil {
		return "", fmt.Errorf("marks: %w", err)
	}
	return aside, nil
}

// Result is the outcome of Apply: the marks as stored now, with those of
// every other process, and where an unreadable file was set aside, if one
// was.
type Result struct {
	Marks map[string]bool
	Aside string
}

// Apply changes the stored marks by ops, in order: under the lock, it
// reads the file, applies them and replaces the file atomically (creating
// the state directory, mode 0700, if needed). A file that cannot be read
// is set aside first and a new one started with ops alone; other errors
// (a permission, a full disk) leave the file as it was.
func (s Store) Apply(ops ...Op) (Result, error) {
	var res Result
	var err error
	res.Aside, err = statefile.Update(s.path, now, s.read, func(set map[string]bool) ([]byte, error) {
		if set == nil { // set aside: a new file starts with ops alone
			set = map[string]bool{}
		}
		for _, op := range ops {
			if op.Rel == "" {
				continue
			}
			if op.On {
				set[op.Rel] = true
			} else {
				delete(set, op.Rel)
			}
		}
		res.Marks = set
		return encode(s.col, set)
	})
	if err != nil {
		res.Marks = nil
		return res, fmt.Errorf("marks: %w", err)
	}
	return res, nil
}

// LoadSet reads the marks of the collection at collectionAbs from stateDir
// (Open, then Load).
func LoadSet(stateDir, collectionAbs string) (map[string]bool, error) {
	s, err := Open(stateDir, collectionAbs)
	if err != nil {
		return nil, err
	}
	return s.Load()
}

// Toggle returns a copy of set with rel flipped. set itself is not changed,
// so a copy handed to another goroutine stays valid.
func Toggle(set map[string]bool, rel string) map[string]bool {
	out := make(map[string]bool, len(set)+1)
	for k, v := range set {
		if v {
			out[k] = true
		}
	}
	if set[rel] {
		delete(out, rel)
	} else {
		out[rel] = true
	}
	return out
}

// sorted returns the marked paths of set in order.
func sorted(set map[string]bool) []string {
	list := make([]string, 0, len(set))
	for k, v := range set {
		if v {
			list = append(list, k)
		}
	}
	sort.Strings(list)
	return list
}
