// Reading one entry: its local header, then its data, inflated or stored,
// checked against the sizes and CRC-32 of the central directory.

package zipfs

import (
	"archive/zip"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"sync"
	"time"
)

// Limits are what an entry may inflate to before it is refused unread.
// Reading stops at the size the central directory declares, so the
// declared sizes bound the work.
type Limits struct {
	MaxSize   uint64 // largest size of an entry, inflated
	MaxRatio  uint64 // largest ratio of inflated to compressed size ...
	RatioFrom uint64 // ... for entries larger than this
}

// DefaultLimits allow any text article: the largest file newsbrowse reads
// (256 MB) and a ratio far beyond what deflate reaches on real text (3–10:1).
var DefaultLimits = Limits{MaxSize: 256 << 20, MaxRatio: 100, RatioFrom: 1 << 20}

// ErrRefused is the error of opening an entry that Limits refuse.
var ErrRefused = errors.New("refused as a possible zip bomb")

// ErrEncrypted is the error of opening an encrypted entry.
var ErrEncrypted = errors.New("encrypted entry")

// Compression methods read.
const (
	methodStore   = 0
	methodDeflate = 8
)

// Flags read.
const (
	flagEncrypted  = 0x1
	flagDescriptor = 0x8 // CRC and sizes follow the data
)

// entry is a file of the archive, as the central directory describes it;
// it is its own fs.DirEntry and fs.FileInfo.
type entry struct {
	name    string // base name, in a block of names (builder.intern)
	header  int64  // offset of the local header in the archive
	csize   uint64
	usize   uint64
	crc     uint32
	dosTime uint32
	method  uint16
	flags   uint16
	mode    fs.FileMode
}

func (e *entry) Name() string               { return e.name }
func (e *entry) IsDir() bool                { return false }
func (e *entry) Type() fs.FileMode          { return e.mode.Type() }
func (e *entry) Info() (fs.FileInfo, error) { return e, nil }
func (e *entry) Mode() fs.FileMode          { return e.mode }
func (e *entry) Sys() any                   { return nil }
func (e *entry) Size() int64                { return int64(min(e.usize, 1<<62)) }

// ModTime is the MS-DOS time of the central directory, read as UTC.
func (e *entry) ModTime() time.Time {
	d, t := e.dosTime>>16, e.dosTime&0xffff
	return time.Date(int(d>>9+1980), time.Month(d>>5&0xf), int(d&0x1f),
		int(t>>11), int(t>>5&0x3f), int(t&0x1f*2), 0, time.UTC)
}

// check refuses an entry that cannot be read or is too large for Limits,
// without reading anything.
func (e *entry) check() error {
	u, c, l := e.usize, e.csize, DefaultLimits
	switch {
	case e.mode&fs.ModeSymlink != 0:
		return errors.New("symbolic link inside an archive, not followed")
	case e.flags&flagEncrypted != 0:
		return ErrEncrypted
	case u > l.MaxSize:
		return fmt.Errorf("%w: %d MB when inflated, more than %d MB", ErrRefused, u>>20, l.MaxSize>>20)
	case u > l.RatioFrom && (c == 0 || u/c > l.MaxRatio):
		return fmt.Errorf("%w: inflates %d bytes to %d, more than %d:1", ErrRefused, c, u, l.MaxRatio)
	case e.method != methodStore && e.method != methodDeflate:
		return zip.ErrAlgorithm
	}
	return nil
}

// open returns a reader of the content of e, an entry of the archive r of
// size bytes. An entry whose local header or data lie outside the archive
// is zip.ErrFormat.
func (e *entry) open(r io.ReaderAt, size int64) (io.ReadCloser, error) {
	if e.header < 0 || e.header > size-localLen {
		return nil, zip.ErrFormat
	}
	var b [localLen]byte
	if _, err := r.ReadAt(b[:], e.header); err != nil {
		if err == io.EOF {
			err = zip.ErrFormat
		}
		return nil, err
	}
	le := binary.LittleEndian
	if le.Uint32(b[:]) != sigLocal {
		return nil, zip.ErrFormat
	}
	body := e.header + localLen + int64(le.Uint16(b[26:])) + int64(le.Uint16(b[28:]))
	if body > size || e.csize > uint64(size-body) {
		return nil, zip.ErrFormat
	}
	data := io.NewSectionReader(r, body, int64(e.csize))
	var rc io.ReadCloser = io.NopCloser(data)
	if e.method == methodDeflate {
		rc = newFlateReader(data)
	}
	var desc io.Reader
	if e.flags&flagDescriptor != 0 {
		desc = io.NewSectionReader(r, body+int64(e.csize), descLen)
	}
	return &checksumReader{rc: rc, hash: crc32.NewIEEE(), e: e, desc: desc}, nil
}

// checksumReader reads an entry's content, and fails with it when it is
// longer or shorter than declared or its CRC-32 is not the declared one.
type checksumReader struct {
	rc    io.ReadCloser
	hash  hash.Hash32
	nread uint64
	e     *entry
	desc  io.Reader // the data descriptor, if the entry has one
	err   error     // sticky
}

func (r *checksumReader) Read(b []byte) (n int, err error) {
	if r.err != nil {
		return 0, r.err
	}
	n, err = r.rc.Read(b)
	r.hash.Write(b[:n])
	r.nread += uint64(n)
	if r.nread > r.e.usize {
		r.err = zip.ErrFormat
		return 0, r.err
	}
	if err == io.EOF {
		switch {
		case r.nread != r.e.usize:
			err = io.ErrUnexpectedEOF
		case r.desc != nil:
			if err1 := readDescriptor(r.desc, r.e.crc); err1 != nil {
				err = err1
			} else if r.hash.Sum32() != r.e.crc {
				err = zip.ErrChecksum
			}
		case r.e.crc != 0 && r.hash.Sum32() != r.e.crc:
			// A CRC of 0 was not set (as archive/zip reads it).
			err = zip.ErrChecksum
		}
	}
	if err != nil {
		r.err = err
	}
	return n, err
}

func (r *checksumReader) Close() error { return r.rc.Close() }

// readDescriptor reads a data descriptor, with or without its signature,
// and checks that its CRC-32 is crc. Its sizes are not read: those of the
// central directory are used.
func readDescriptor(r io.Reader, crc uint32) error {
	var b [4]byte
	if _, err := io.ReadFull(r, b[:]); err != nil {
		return descErr(err)
	}
	if binary.LittleEndian.Uint32(b[:]) == sigDesc {
		if _, err := io.ReadFull(r, b[:]); err != nil {
			return descErr(err)
		}
	}
	if binary.LittleEndian.Uint32(b[:]) != crc {
		return zip.ErrChecksum
	}
	return nil
}

func descErr(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// flatePool keeps inflaters between entries: each holds a 32 KB window.
var flatePool sync.Pool

func newFlateReader(r io.Reader) io.ReadCloser {
	fr, ok := flatePool.Get().(io.ReadCloser)
	if ok {
		fr.(flate.Resetter).Reset(r, nil)
	} else {
		fr = flate.NewReader(r)
	}
	return &pooledFlate{fr: fr}
}

// pooledFlate gives its inflater back on Close. Like any file, it is read
// by one goroutine at a time.
type pooledFlate struct {
	fr io.ReadCloser
}

func (p *pooledFlate) Read(b []byte) (int, error) {
	if p.fr == nil {
		return 0, fs.ErrClosed
	}
	return p.fr.Read(b)
}

func (p *pooledFlate) Close() error {
	if p.fr == nil {
		return nil
	}
	err := p.fr.Close()
	flatePool.Put(p.fr)
	p.fr = nil
	return err
}
