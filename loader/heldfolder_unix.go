//go:build unix

package loader

import (
	"io/fs"
	"syscall"

	"golang.org/x/sys/unix"
)

// heldFolder is the folder of a DirFS a Reader keeps open (see
// Reader.KeepFolderOpen).
type heldFolder struct {
	keep bool   // KeepFolderOpen was called
	root string // the root of the DirFS last read from
	fd   int    // the folder open, or -1 when it could not be opened
	set  bool   // root and fd are set
}

// readHeld is readFile's fast way (see readDirect) for a Reader that keeps
// the folder of fsys open: the name is opened relative to the folder. ok
// is false when it cannot be taken, and whenever anything else happens:
// readFile then takes its usual way.
func (rd *Reader) readHeld(fsys fs.FS, name string) (b []byte, ok bool) {
	dir, isDir := fsys.(dirFS)
	if !rd.held.keep || !isDir || !dir.plain || name == "." || !validName(name) {
		return nil, false
	}
	h := &rd.held
	if !h.set || h.root != dir.root {
		rd.closeFolder()
		*h = heldFolder{keep: true, root: dir.root, fd: -1, set: true}
		if p, err := syscall.ByteSliceFromString(dir.root); err == nil {
			if fd, err := openPath(p, syscall.O_RDONLY|syscall.O_DIRECTORY|syscall.O_CLOEXEC|syscall.O_NONBLOCK); err == nil {
				h.fd = fd
			}
		}
	}
	if h.fd < 0 {
		return nil, false
	}
	var room [512]byte
	path := append(append(room[:0], name...), 0)
	b, _, err := readAt(h.fd, path, syscall.O_NOFOLLOW, rd.buf, 0)
	return b, err == nil
}

// closeFolder closes the folder rd keeps open, if any.
func (rd *Reader) closeFolder() error {
	h := &rd.held
	var err error
	if h.set && h.fd >= 0 {
		err = unix.Close(h.fd)
	}
	*h = heldFolder{keep: h.keep}
	return err
}
