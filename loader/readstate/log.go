package readstate

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"newsbrowse/loader/statefile"
)

// Formats: a header naming the format and the collection, then records of
// a fixed size. A crash in the middle of an append leaves at most a part of
// a record at the end, which is ignored, then cut off by the next append.
const (
	readMagic = "NBREAD1\n"
	posMagic  = "NBPOS01\n"
	readRec   = 1 + 8            // kind, key
	posRec    = 8 + 4 + 4        // key, paragraph, offset
	maxLog    = 64 << 20         // the largest log read (7 million records)
	maxPosLog = 2 * MaxPositions // positions records kept before compacting
)

// header is the start of a log of the given format for the collection col.
func header(magic, col string) []byte {
	h := []byte(magic)
	h = binary.AppendUvarint(h, uint64(len(col)))
	return append(h, col...)
}

// logFile is one append-only log of records of rec bytes.
type logFile struct {
	path   string
	header []byte
	rec    int
}

// load returns the whole records of the log; a missing file has none.
func (l logFile) load() ([]byte, error) {
	data, err := statefile.ReadFile(l.path, maxLog)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(data, l.header) {
		return nil, statefile.Unreadable(l.path, errors.New("not a read-state file of this collection"))
	}
	recs := data[len(l.header):]
	return recs[:len(recs)-len(recs)%l.rec], nil
}

// setAside moves the log away, under its lock, if it cannot be read.
func (l logFile) setAside() (string, error) {
	return statefile.SetAsideUnreadable(l.path, now, func() error {
		_, err := l.load()
		return err
	})
}

// append adds recs at the end of the log under its lock, starting the log
// when there is none and setting aside one that cannot be read (returning
// where it went). A positions log past maxPosLog records is compacted
// instead: replaced with its newest MaxPositions positions.
func (l logFile) append(recs []byte, compact func(all []byte) []byte) (aside string, err error) {
	if err := statefile.MkdirAll(filepath.Dir(l.path)); err != nil {
		return "", err
	}
	unlock, err := statefile.Lock(l.path)
	if err != nil {
		return "", err
	}
	defer unlock()
	statefile.RemoveTemps(l.path)

	f, size, err := l.openChecked()
	var ue *statefile.UnreadableError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "", statefile.WriteAtomic(l.path, append(bytes.Clone(l.header), recs...))
	case errors.As(err, &ue):
		if aside, err = statefile.SetAside(l.path, now()); err != nil {
			return "", err
		}
		return aside, statefile.WriteAtomic(l.path, append(bytes.Clone(l.header), recs...))
	case err != nil:
		return "", err
	}
	defer f.Close()
	end := size - (size-int64(len(l.header)))%int64(l.rec)
	if l.rec == posRec && (end-int64(len(l.header)))/posRec+int64(len(recs)/posRec) > maxPosLog {
		all, err := l.load()
		if err != nil {
			return "", err
		}
		return "", statefile.WriteAtomic(l.path, append(bytes.Clone(l.header), compact(append(all, recs...))...))
	}
	if end != size {
		if err := f.Truncate(end); err != nil {
			return "", err
		}
	}
	if _, err := f.WriteAt(recs, end); err != nil {
		return "", err
	}
	return "", f.Sync()
}

// openChecked opens the log for writing if it is a regular file that
// starts with the right header, and returns its size.
func (l logFile) openChecked() (*os.File, int64, error) {
	f, st, err := statefile.OpenRegular(l.path, os.O_RDWR)
	if err != nil {
		return nil, 0, err
	}
	head := make([]byte, len(l.header))
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head, l.header) {
		f.Close()
		return nil, 0, statefile.Unreadable(l.path, errors.New("not a read-state file of this collection"))
	}
	return f, st.Size(), nil
}

// compact replaces the log, under its lock, with what fn makes of its
// records, when it can still be read.
func (l logFile) compact(fn func(recs []byte) []byte) error {
	unlock, err := statefile.Lock(l.path)
	if err != nil {
		return err
	}
	defer unlock()
	recs, err := l.load()
	if err != nil || recs == nil {
		return err
	}
	if err := statefile.WriteAtomic(l.path, append(bytes.Clone(l.header), fn(recs)...)); err != nil {
		return fmt.Errorf("compact %s: %w", l.path, err)
	}
	return nil
}
