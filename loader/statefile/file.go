package statefile

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/gofrs/flock"
)

// ErrNotRegular and ErrTooLarge say why ReadFile refused a file.
var (
	ErrNotRegular = errors.New("not a regular file")
	ErrTooLarge   = errors.New("file too large")
)

// UnreadableError is a file that exists but whose content cannot be used:
// it is not a regular file, is too large, cannot be parsed or belongs to
// another collection. Such a file is never written over: SetAside moves it
// out of the way first.
type UnreadableError struct {
	Path string
	Err  error
}

func (e *UnreadableError) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *UnreadableError) Unwrap() error { return e.Err }

// Unreadable wraps err as the reason path cannot be used.
func Unreadable(path string, err error) error { return &UnreadableError{Path: path, Err: err} }

// ReadFile reads the file at path if it is a regular file (a symbolic link
// to one is followed) of at most max bytes. Anything else — a FIFO, a
// device such as /dev/zero, a directory, a larger file — is an
// *UnreadableError and is never opened in a way that could block: the
// target is looked at before it is opened, and opened without blocking. At
// most max+1 bytes are ever read, whatever the file system reports as its
// size. A missing file is an error wrapping fs.ErrNotExist.
func ReadFile(path string, max int64) ([]byte, error) {
	f, _, err := OpenRegular(path, os.O_RDONLY)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, Unreadable(path, fmt.Errorf("%w (over %d bytes)", ErrTooLarge, max))
	}
	return data, nil
}

// OpenRegular opens the file at path with flag (os.O_RDONLY or os.O_RDWR)
// if it is a regular file, following a symbolic link, and returns what
// fstat says of it. Anything else is an *UnreadableError, refused before it
// is opened (and opened without blocking, should it change in between).
func OpenRegular(path string, flag int) (*os.File, fs.FileInfo, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, nil, Unreadable(path, ErrNotRegular)
	}
	f, err := os.OpenFile(path, flag|openNonBlock, 0)
	if err != nil {
		return nil, nil, err
	}
	if st, err = f.Stat(); err == nil && !st.Mode().IsRegular() { // replaced between the look and the open
		err = Unreadable(path, ErrNotRegular)
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, st, nil
}

// lockWait bounds the wait for another process's lock; lockRetry is how
// often the lock is tried meanwhile.
const (
	lockWait  = 5 * time.Second
	lockRetry = 10 * time.Millisecond
)

// Lock takes the exclusive lock of the file at path: flock(2) on
// path+".lock" beside it, created (mode 0600) when missing. Every process
// that changes the file holds the lock from its read to its rename, so two
// writers never lose each other's changes. It waits a few seconds for
// another holder, then fails. The returned function releases the lock.
func Lock(path string) (unlock func(), err error) {
	l := flock.New(path+".lock", flock.SetPermissions(0o600))
	ctx, cancel := context.WithTimeout(context.Background(), lockWait)
	defer cancel()
	ok, err := l.TryLockContext(ctx, lockRetry)
	if err == nil && !ok {
		err = errors.New("locked by another process")
	}
	if err != nil {
		l.Close()
		return nil, fmt.Errorf("lock %s: %w", path+".lock", err)
	}
	return func() { l.Close() }, nil
}

// SetAside renames the file at path to path.unreadable-<UTC time> (with a
// counter when that name is taken) and returns the new path. Call it with
// the lock held.
func SetAside(path string, now time.Time) (string, error) {
	base := path + ".unreadable-" + now.UTC().Format("20060102T150405Z")
	target := base
	for i := 2; ; i++ {
		if _, err := os.Lstat(target); errors.Is(err, fs.ErrNotExist) {
			break
		}
		target = fmt.Sprintf("%s-%d", base, i)
	}
	if err := os.Rename(path, target); err != nil {
		return "", err
	}
	return target, nil
}

// Update changes the file at path under its lock, so that no change of
// another process is lost: it creates the file's directory (mode 0700) if
// needed, removes what writes that died left behind, reads the file with
// load and replaces it atomically with what change makes of that. A file
// load finds unreadable (an *UnreadableError) is set aside first, under
// the name now gives, aside says where it went, and change gets the zero
// T. Any other error leaves the file as it was.
func Update[T any](path string, now func() time.Time, load func() (T, error), change func(T) ([]byte, error)) (aside string, err error) {
	if err := MkdirAll(filepath.Dir(path)); err != nil {
		return "", err
	}
	unlock, err := Lock(path)
	if err != nil {
		return "", err
	}
	defer unlock()
	RemoveTemps(path)
	v, err := load()
	var ue *UnreadableError
	if errors.As(err, &ue) {
		if aside, err = SetAside(path, now()); err != nil {
			return "", err
		}
		var zero T
		v = zero
	} else if err != nil {
		return "", err
	}
	data, err := change(v)
	if err == nil {
		err = WriteAtomic(path, data)
	}
	return aside, err
}

// SetAsideUnreadable sets the file at path aside under its lock, as
// SetAside does, if load still finds it unreadable (an *UnreadableError),
// and returns where it went; a file readable by then (another process
// replaced it) is left alone and aside is "".
func SetAsideUnreadable(path string, now func() time.Time, load func() error) (aside string, err error) {
	unlock, err := Lock(path)
	if err != nil {
		return "", err
	}
	defer unlock()
	var ue *UnreadableError
	if !errors.As(load(), &ue) {
		return "", nil
	}
	return SetAside(path, now())
}

// MkdirAll creates a state directory and its parents, readable by their
// owner only (mode 0700).
func MkdirAll(dir string) error { return os.MkdirAll(dir, 0o700) }

// tmpPattern names the temporary files of WriteAtomic.
const tmpPattern = ".tmp-*"

// WriteAtomic replaces the file at path with data, creating its directory
// (mode 0700) if needed: the data goes to a temporary file beside it, is
// synced, then renamed over the old file, so a crash leaves either the old
// or the new content. Call it with the lock held.
func WriteAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := MkdirAll(dir); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, filepath.Base(path)+tmpPattern)
	if err != nil {
		return err
	}
	tmpName := tmp.Name()
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmpName, path)
	}
	if err != nil {
		os.Remove(tmpName)
		return err
	}
	SyncDir(dir)
	return nil
}

// RemoveTemps removes what writes of the file at path that died before
// their rename left behind. With the lock held no write is under way, so
// every such file is a leftover.
func RemoveTemps(path string) {
	names, _ := filepath.Glob(globEscape(path) + tmpPattern)
	for _, n := range names {
		os.Remove(n)
	}
}

// globEscape quotes the characters filepath.Match treats specially.
func globEscape(s string) string {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '*', '?', '[', '\\':
			out = append(out, '\\')
		}
		out = append(out, s[i])
	}
	return string(out)
}

// SyncDir makes a rename in dir durable where the system allows it; not
// every system can sync a directory, so failures are ignored.
func SyncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	d.Sync()
	d.Close()
}
