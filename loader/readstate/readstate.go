// Package readstate keeps, per collection, which articles were read and
// where the reader stood in the most recently opened ones, beside the marks
// (loader/statefile has where, and the guarantees every state file shares).
//
// Articles are known by Key, 8 bytes of the SHA-256 of their path in the
// collection, so the files stay small and need no rewriting when articles
// are added: 100,000 read articles take 900 KB. Both files are logs, only
// ever appended to under the lock, so an article opened costs a few bytes
// written, not the whole set, and two processes never lose each other's
// changes:
//
//	<hash>.read  header, then 9-byte records: 'r' or 'u' and a Key
//	<hash>.pos   header, then 16-byte records: Key, paragraph, offset
//
// The last record of the positions file is the article opened last. The
// logs are compacted (under the lock, replaced atomically) when they hold
// much more than their content: the read log when most of its records are
// undone or repeated, the positions log past 2×MaxPositions records.
package readstate

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"path/filepath"
	"time"

	"newsbrowse/loader/statefile"
)

// MaxPositions is how many articles' reading positions are kept: those of
// the most recently opened ones.
const MaxPositions = 1000

// now is the clock of the names files are set aside under; tests set it.
var now = time.Now

// Key identifies an article of a collection by its path in it.
type Key uint64

// KeyOf returns the key of the article at rel.
func KeyOf(rel string) Key {
	sum := sha256.Sum256([]byte(rel))
	return Key(binary.BigEndian.Uint64(sum[:8]))
}

// Position is where the reader stood in an article: a paragraph and an
// offset inside it, so that it survives a change of width.
type Position struct {
	Para, Offset int
}

// Op is one change of the read state.
type Op struct {
	Kind OpKind
	Key  Key
	Pos  Position // for SetPosition
}

// OpKind says what an Op does.
type OpKind byte

// The operations: mark an article read or unread, or record where its
// reader stands (which also makes it the article opened last).
const (
	MarkRead    OpKind = 'r'
	MarkUnread  OpKind = 'u'
	SetPosition OpKind = 'p'
)

// Store is the read state of one collection in one state directory. The
// state directory chooses whose it is: statefile.Dir for the user running
// the program, or statefile.OwnerDir(base, fingerprint) for one of the
// people served over SSH.
type Store struct {
	read, pos logFile
}

// Open returns the store of the collection at collectionAbs kept in
// stateDir. Nothing is read or written yet. A relative collection path or
// a state directory inside the collection is refused.
func Open(stateDir, collectionAbs string) (Store, error) {
	dir, col, err := statefile.CheckPaths(stateDir, collectionAbs)
	if err != nil {
		return Store{}, fmt.Errorf("read state: %w", err)
	}
	base := filepath.Join(dir, statefile.Base(col))
	return Store{
		read: logFile{path: base + ".read", header: header(readMagic, col), rec: readRec},
		pos:  logFile{path: base + ".pos", header: header(posMagic, col), rec: posRec},
	}, nil
}

// Paths are the files the state is kept in.
func (s Store) Paths() (read, pos string) { return s.read.path, s.pos.path }

// Load reads the state. Missing files mean nothing was read yet. A file
// that cannot be used (not a regular file, too large, not in this format,
// another collection's) is an error holding a *statefile.UnreadableError,
// with what the other file holds; the file is left as it is (see
// SetAside). A log grown much larger than its content is compacted.
func (s Store) Load() (*State, error) {
	st := NewState()
	var firstErr error
	if recs, err := s.read.load(); err != nil {
		firstErr = err
	} else {
		st.replayRead(recs)
		if len(recs)/readRec > 2*len(st.read)+1024 {
			s.compactRead()
		}
	}
	if recs, err := s.pos.load(); err != nil && firstErr == nil {
		firstErr = err
	} else if err == nil {
		st.replayPos(recs)
	}
	if firstErr != nil {
		return st, fmt.Errorf("read state: %w", firstErr)
	}
	return st, nil
}

// compactRead replaces the read log with its smallest form. The records
// are those read under the lock, not those Load read before taking it, so
// what another process appended in between is kept.
func (s Store) compactRead() error {
	return s.read.compact(func(recs []byte) []byte {
		st := NewState()
		st.replayRead(recs)
		return st.encodeRead()
	})
}

// SetAside moves the unreadable files of the store out of the way, under
// their locks, and returns where they now are.
func (s Store) SetAside() ([]string, error) {
	var asides []string
	for _, f := range []logFile{s.read, s.pos} {
		aside, err := f.setAside()
		if err != nil {
			return asides, fmt.Errorf("read state: %w", err)
		}
		if aside != "" {
			asides = append(asides, aside)
		}
	}
	return asides, nil
}

// Apply appends ops to the stored state, in order, under the lock. A file
// that cannot be read is set aside first (its new path is returned) and a
// new one started.
func (s Store) Apply(ops ...Op) (asides []string, err error) {
	var read, pos []byte
	for _, op := range ops {
		switch op.Kind {
		case MarkRead, MarkUnread:
			read = append(read, byte(op.Kind))
			read = binary.BigEndian.AppendUint64(read, uint64(op.Key))
		case SetPosition:
			pos = appendPos(pos, op.Key, op.Pos)
		}
	}
	for _, w := range []struct {
		f    logFile
		recs []byte
	}{{s.read, read}, {s.pos, pos}} {
		if len(w.recs) == 0 {
			continue
		}
		aside, err := w.f.append(w.recs, func(recs []byte) []byte {
			if w.f.rec != posRec || len(recs)/posRec <= 2*MaxPositions {
				return nil
			}
			st := NewState()
			st.replayPos(recs)
			return st.encodePos()
		})
		if aside != "" {
			asides = append(asides, aside)
		}
		if err != nil {
			return asides, fmt.Errorf("read state: %w", err)
		}
	}
	return asides, nil
}

func appendPos(b []byte, k Key, p Position) []byte {
	b = binary.BigEndian.AppendUint64(b, uint64(k))
	b = binary.BigEndian.AppendUint32(b, clamp32(p.Para))
	return binary.BigEndian.AppendUint32(b, clamp32(p.Offset))
}

func clamp32(n int) uint32 {
	switch {
	case n < 0:
		return 0
	case uint64(n) > 1<<32-1:
		return 1<<32 - 1
	}
	return uint32(n)
}
