//go:build unix

package loader

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"syscall"

	"golang.org/x/sys/unix"
)

// Reading a file of a DirFS goes through system calls, not *os.File: Go
// hands a descriptor the kernel can poll (a file of /proc such as
// /proc/kmsg is one) to its poller, and a read that would block then waits
// for data for ever. Here a read that would block is an error.

// readDirect is readFile for a DirFS in the fewest system calls (open,
// fstat, read until EOF, close), reading into the spare room of buf. The
// name is opened without a look-up before, but without following a
// symbolic link at its end, so what is opened is the directory entry
// itself: not a device reached through a link. It is opened without
// blocking, so an entry that became a FIFO since the scan is opened (and
// refused) at once. ok is false for any other file system and whenever
// anything else happens (a link, a FIFO, a file too large, any error):
// readFile then takes its usual way, which looks at the name before
// opening it and reports the errors.
func readDirect(fsys fs.FS, name string, buf []byte, head int) (b []byte, size int64, ok bool) {
	dir, isDir := fsys.(dirFS)
	if !isDir {
		return nil, 0, false
	}
	var room [512]byte
	path, err := dir.cpath(room[:0], "open", name)
	if err != nil {
		return nil, 0, false
	}
	b, size, err = readPath(path, syscall.O_NOFOLLOW, buf, head)
	return b, size, err == nil
}

// readFollow is readFile's way for a DirFS once the name was checked: the
// name is opened following links, and what was opened is checked again.
func readFollow(fsys fs.FS, name string, buf []byte, head int) (b []byte, size int64, ok bool, err error) {
	dir, isDir := fsys.(dirFS)
	if !isDir {
		return nil, 0, false, nil
	}
	var room [512]byte
	path, err := dir.cpath(room[:0], "open", name)
	if err != nil {
		return nil, 0, true, err
	}
	b, size, err = readPath(path, 0, buf, head)
	return b, size, true, err
}

// errWouldBlock is the error for a file with no data to give at once.
var errWouldBlock = errors.New("not a plain file: reading it would wait")

// cpath returns dir.join(op, name) as the system takes it, ended by a NUL,
// built in the room of room when it fits: for a plain root (a clean path
// other than "/" and ".") and a name that is valid and not ".",
// filepath.Join adds nothing but a separator between the two, so they are
// copied as they are rather than joined and copied again.
func (dir dirFS) cpath(room []byte, op, name string) ([]byte, error) {
	if dir.plain && name != "." && validName(name) {
		p := append(room, dir.root...)
		p = append(p, filepath.Separator)
		p = append(p, name...)
		return append(p, 0), nil
	}
	full, err := dir.join(op, name)
	if err != nil {
		return nil, err
	}
	return syscall.ByteSliceFromString(full)
}

// readPath opens path (ended by a NUL) without blocking (flags adds to the open flags) and
// reads it whole (until a read gives nothing, or a short read gives the
// size it reports) if it is a regular file of at most maxSize bytes on a
// file system that holds files (not /proc or /sys), reading at most
// growSlack bytes past the size it reports; with head > 0, only its first
// head bytes. It returns the size the file reports too.
func readPath(path []byte, flags int, buf []byte, head int) ([]byte, int64, error) {
	return readAt(unix.AT_FDCWD, path, flags, buf, head)
}

// readAt is readPath for a path relative to the folder open as dirfd.
func readAt(dirfd int, path []byte, flags int, buf []byte, head int) ([]byte, int64, error) {
	fd, err := openAt(dirfd, path, syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_CLOEXEC|flags)
	if err != nil {
		return nil, 0, err
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return nil, 0, err
	}
	switch {
	case st.Mode&syscall.S_IFMT != syscall.S_IFREG:
		return nil, 0, errNotRegular
	case int64(st.Size) > maxSize:
		return nil, 0, fmt.Errorf("%w (%d MB, more than %d MB)", ErrTooLarge, st.Size>>20, maxSize>>20)
	case kernelFile(fd, uint64(st.Dev)):
		return nil, 0, errKernelFile
	}
	size := int64(st.Size)
	limit := min(size+growSlack, maxSize)
	stop := limit + 1 // reading one byte more than limit tells a file too large
	if head > 0 && int64(head) < stop {
		stop = int64(head)
	}
	b := slices.Grow(buf[:0], int(min(size, stop))+512)
	for int64(len(b)) < stop {
		if len(b) == cap(b) {
			b = slices.Grow(b, min(len(b), int(stop)-len(b))) // the file grew
		}
		p := b[len(b):cap(b)]
		if room := stop - int64(len(b)); int64(len(p)) > room {
			p = p[:room]
		}
		n, err := syscall.Read(fd, p)
		switch {
		case err == syscall.EINTR:
			continue
		case err == syscall.EAGAIN:
			return nil, 0, errWouldBlock
		case err != nil:
			return nil, 0, err
		case n <= 0:
			return b, size, nil
		}
		b = b[:len(b)+n]
		if n < len(p) && int64(len(b)) == size && size > 0 {
			// A read shorter than asked that gave the size told: the
			// end of the file, without one more read to hear it.
			return b, size, nil
		}
	}
	if int64(len(b)) > limit {
		return nil, 0, tooMuch(limit, size)
	}
	return b, size, nil
}
