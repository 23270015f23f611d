//go:build unix

package loader

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"syscall"
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
func readDirect(fsys fs.FS, name string, buf []byte) (b []byte, ok bool) {
	dir, isDir := fsys.(dirFS)
	if !isDir {
		return nil, false
	}
	full, err := dir.join("open", name)
	if err != nil {
		return nil, false
	}
	b, err = readPath(full, syscall.O_NOFOLLOW, buf)
	return b, err == nil
}

// readFollow is readFile's way for a DirFS once the name was checked: the
// name is opened following links, and what was opened is checked again.
func readFollow(fsys fs.FS, name string, buf []byte) (b []byte, ok bool, err error) {
	dir, isDir := fsys.(dirFS)
	if !isDir {
		return nil, false, nil
	}
	full, err := dir.join("open", name)
	if err != nil {
		return nil, true, err
	}
	b, err = readPath(full, 0, buf)
	return b, true, err
}

// errWouldBlock is the error for a file with no data to give at once.
var errWouldBlock = errors.New("not a plain file: reading it would wait")

// readPath opens full without blocking (flags adds to the open flags) and
// reads it whole if it is a regular file of at most maxSize bytes on a
// file system that holds files (not /proc or /sys), reading at most
// growSlack bytes past the size it reports.
func readPath(full string, flags int, buf []byte) ([]byte, error) {
	var fd int
	var err error
	for {
		fd, err = syscall.Open(full, syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_CLOEXEC|flags, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, err
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return nil, err
	}
	switch {
	case st.Mode&syscall.S_IFMT != syscall.S_IFREG:
		return nil, errNotRegular
	case int64(st.Size) > maxSize:
		return nil, fmt.Errorf("%w (%d MB, more than %d MB)", ErrTooLarge, st.Size>>20, maxSize>>20)
	case kernelFile(fd):
		return nil, errKernelFile
	}
	limit := min(int64(st.Size)+growSlack, maxSize)
	b := slices.Grow(buf[:0], int(st.Size)+512)
	for {
		if len(b) == cap(b) {
			b = slices.Grow(b, min(len(b), int(limit+1)-len(b))) // the file grew
		}
		p := b[len(b):cap(b)]
		if room := limit + 1 - int64(len(b)); int64(len(p)) > room {
			p = p[:room]
		}
		n, err := syscall.Read(fd, p)
		switch {
		case err == syscall.EINTR:
			continue
		case err == syscall.EAGAIN:
			return nil, errWouldBlock
		case err != nil:
			return nil, err
		case n <= 0:
			return b, nil
		}
		b = b[:len(b)+n]
		if int64(len(b)) > limit {
			return nil, tooMuch(limit, int64(st.Size))
		}
	}
}
