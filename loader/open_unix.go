//go:build unix

package loader

import (
	"bytes"
	"io/fs"
	"slices"
	"syscall"
)

// readDirect is readFile for a DirFS in the fewest system calls (open,
// fstat, read until EOF, close), reading into the spare room of buf. The
// name is opened without a look-up before, but without following a
// symbolic link at its end, so what is opened is the directory entry
// itself: not a device reached through a link. It is opened without
// blocking, so an entry that became a FIFO since the scan is opened (and
// refused) at once. Only a regular file of at most maxSize bytes is read.
// ok is false for any other file system and whenever anything else
// happens (a link, a FIFO, a file too large, any error): readFile then
// takes its usual way, which looks at the name before opening it and
// reports the errors.
func readDirect(fsys fs.FS, name string, buf []byte) (b []byte, ok bool) {
	dir, isDir := fsys.(dirFS)
	if !isDir {
		return nil, false
	}
	full, err := dir.join("open", name)
	if err != nil {
		return nil, false
	}
	var fd int
	for {
		fd, err = syscall.Open(full, syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOFOLLOW|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, false
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG || st.Size > maxSize {
		return nil, false
	}
	b = slices.Grow(buf[:0], int(st.Size)+bytes.MinRead)
	for {
		if len(b) == cap(b) {
			b = slices.Grow(b, bytes.MinRead) // the file grew
		}
		p := b[len(b):cap(b)]
		if room := maxSize + 1 - int64(len(b)); int64(len(p)) > room {
			p = p[:room]
		}
		n, err := syscall.Read(fd, p)
		switch {
		case err == syscall.EINTR:
			continue
		case err != nil || n < 0:
			return nil, false
		case n == 0:
			return b, true
		}
		b = b[:len(b)+n]
		if int64(len(b)) > maxSize {
			return nil, false
		}
	}
}
