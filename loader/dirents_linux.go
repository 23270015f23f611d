package loader

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io/fs"
	"unsafe"

	"golang.org/x/sys/unix"
)

// A folder of a DirFS is read here with getdents64 into a buffer the scan
// reuses, larger than the one of os.File.ReadDir (8 KB), so that a large
// folder takes fewer system calls; each name and type is taken from its
// record, without an fs.DirEntry and a string per name: only the paths
// kept are copied (see pathArena).

// direntBufSize is the size of the buffer of directory records; a
// variable so that tests can make the buffer refill often.
var direntBufSize = 32 << 10

// Offsets in a linux_dirent64 record: d_ino (8 bytes), d_off (8), d_reclen
// (2), d_type (1), then d_name, ended by a NUL.
const (
	direntReclen = 16
	direntType   = 18
	direntName   = 19
)

// errBadRecord is the error for a directory record that does not hold
// together.
var errBadRecord = errors.New("malformed directory record")

// readFolder lists the folder dir of fsys into s. It is opened as a
// folder only (O_DIRECTORY: a FIFO put in its place fails at once) and
// without blocking. The errors are those of ReadDir, with dir as path.
func (s *scanner) readFolder(fsys dirFS, dir string) error {
	var room [512]byte
	path, err := fsys.cpath(room[:0], "readdir", dir)
	if err != nil {
		return err
	}
	fd, err := openPath(path, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC|unix.O_NONBLOCK)
	if err != nil {
		return &fs.PathError{Op: "open", Path: dir, Err: err}
	}
	defer unix.Close(fd)
	if len(s.dirents) != direntBufSize {
		s.dirents = make([]byte, direntBufSize)
	}
	for {
		n, err := getdents(fd, s.dirents)
		if err != nil {
			return &fs.PathError{Op: "readdirent", Path: dir, Err: err}
		}
		if n <= 0 {
			s.offer(true)
			return nil
		}
		if err := s.addRecords(dir, fd, s.dirents[:n]); err != nil {
			return err
		}
	}
}

// getdents is unix.Getdents again when interrupted.
func getdents(fd int, buf []byte) (int, error) {
	for {
		n, err := unix.Getdents(fd, buf)
		if err != unix.EINTR {
			return n, err
		}
	}
}

// addRecords adds to s the entries of the directory records recs, read
// from the folder dir open as fd, giving s.given a batch whenever there
// is one.
func (s *scanner) addRecords(dir string, fd int, recs []byte) error {
	for len(recs) > 0 {
		if len(recs) < direntName {
			return &fs.PathError{Op: "readdirent", Path: dir, Err: errBadRecord}
		}
		reclen := int(binary.NativeEndian.Uint16(recs[direntReclen:]))
		if reclen <= direntName || reclen > len(recs) {
			return &fs.PathError{Op: "readdirent", Path: dir, Err: errBadRecord}
		}
		rec := recs[:reclen]
		recs = recs[reclen:]
		name := rec[direntName:]
		if i := bytes.IndexByte(name, 0); i >= 0 {
			name = name[:i]
		}
		if len(name) == 0 || name[0] == '.' {
			continue // ".", "..", hidden: take would skip it, unasked
		}
		k, err := recordKind(fd, name, rec[direntType])
		if err == unix.ENOENT {
			continue // gone since the folder was read
		}
		if err != nil {
			p := string(name)
			if dir != "." {
				p = dir + "/" + p
			}
			return &fs.PathError{Op: "lstat", Path: p, Err: err}
		}
		s.take(dir, unsafe.String(&name[0], len(name)), k, true)
		s.offer(false)
	}
	return nil
}

// recordKind returns the kind of the entry name of the folder open as fd
// from dtype, the d_type of its record. Some file systems do not fill
// d_type in (DT_UNKNOWN: XFS without ftype, some network and FUSE ones):
// the entry itself is then asked, without following a link, as
// os.File.ReadDir does.
func recordKind(fd int, name []byte, dtype uint8) (entryKind, error) {
	switch dtype {
	case unix.DT_REG:
		return kindFile, nil
	case unix.DT_DIR:
		return kindDir, nil
	case unix.DT_LNK:
		return kindLink, nil
	case unix.DT_UNKNOWN:
	default:
		return kindOther, nil
	}
	var st unix.Stat_t
	if err := unix.Fstatat(fd, string(name), &st, unix.AT_SYMLINK_NOFOLLOW); err != nil {
		return kindOther, err
	}
	switch st.Mode & unix.S_IFMT {
	case unix.S_IFREG:
		return kindFile, nil
	case unix.S_IFDIR:
		return kindDir, nil
	case unix.S_IFLNK:
		return kindLink, nil
	}
	return kindOther, nil
}
