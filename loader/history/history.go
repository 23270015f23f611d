// Package history keeps the queries of the collection search (F), newest
// last, in a small file of the user's state directory beside the marks,
// with the guarantees of every state file (see loader/statefile): only a
// regular file of bounded size is read, a change is read–merge–write under
// the lock and replaces the file atomically, and a file that cannot be
// read is set aside, never written over.
package history

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"newsbrowse/loader/statefile"
)

// FileName is the name of the history file in the state directory.
const FileName = "queries.txt"

// Keep is how many queries are kept; MaxQuery is the longest query kept,
// in bytes; maxFile bounds what is read.
const (
	Keep     = 100
	MaxQuery = 1024
	maxFile  = 256 << 10
)

// now is the clock of the names files are set aside under; tests set it.
var now = time.Now

// Store is the history file of one state directory.
type Store struct{ path string }

// Open returns the store kept in stateDir; nothing is read yet. A state
// directory inside the collection at collectionAbs is refused, as for the
// marks.
func Open(stateDir, collectionAbs string) (Store, error) {
	dir, _, err := statefile.CheckPaths(stateDir, collectionAbs)
	if err != nil {
		return Store{}, fmt.Errorf("query history: %w", err)
	}
	return Store{path: filepath.Join(dir, FileName)}, nil
}

// Path is where the history is kept.
func (s Store) Path() string { return s.path }

// Load returns the queries, oldest first. A missing file is an empty
// history; a file that cannot be used is an error holding a
// *statefile.UnreadableError, and is left as it is.
func (s Store) Load() ([]string, error) {
	qs, err := s.read()
	if err != nil {
		return nil, fmt.Errorf("query history: %w", err)
	}
	return qs, nil
}

// read is Load without the package's prefix on errors.
func (s Store) read() ([]string, error) {
	data, err := statefile.ReadFile(s.path, maxFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if !utf8.Valid(data) {
		return nil, statefile.Unreadable(s.path, errors.New("not UTF-8 text"))
	}
	var qs []string
	for _, line := range strings.Split(string(data), "\n") {
		qs = Add(qs, line)
	}
	return qs, nil
}

// Add returns qs with q as the newest query: an earlier copy of q is
// dropped, and only the Keep newest are kept. Empty queries, queries
// holding a line break and over-long ones are not kept. qs is not changed.
func Add(qs []string, q string) []string {
	if q == "" || len(q) > MaxQuery || strings.ContainsAny(q, "\r\n") {
		return qs
	}
	out := make([]string, 0, min(len(qs)+1, Keep))
	for _, x := range qs {
		if x != q {
			out = append(out, x)
		}
	}
	out = append(out, q)
	if len(out) > Keep {
		out = out[len(out)-Keep:]
	}
	return out
}

// Save adds q to the stored history: under the lock it reads the file
// (what other processes added is kept), adds q and replaces the file
// atomically. A file that cannot be read is set aside first, and aside
// says where it went. It returns the history as stored.
func (s Store) Save(q string) (qs []string, aside string, err error) {
	aside, err = statefile.Update(s.path, now, s.read, func(old []string) ([]byte, error) {
		qs = Add(old, q)
		return []byte(strings.Join(qs, "\n") + "\n"), nil
	})
	if err != nil {
		return nil, aside, fmt.Errorf("query history: %w", err)
	}
	return qs, aside, nil
}
