// The central directory of a zip archive (PKWARE's APPNOTE.TXT, 4.3.12 to
// 4.3.16), read one record at a time, keeping only what an entry needs.

package zipfs

import (
	"archive/zip"
	"bufio"
	"encoding/binary"
	"errors"
	"io"
	"io/fs"
)

// Signatures and fixed lengths of the records read.
const (
	sigLocal   = 0x04034b50
	sigCentral = 0x02014b50
	sigEnd     = 0x06054b50
	sigEnd64   = 0x06064b50
	sigLoc64   = 0x07064b50
	sigDesc    = 0x08074b50

	localLen   = 30 // local file header
	centralLen = 46 // central directory record
	endLen     = 22 // end of central directory record
	loc64Len   = 20 // zip64 end of central directory locator
	end64Len   = 56 // zip64 end of central directory record
	descLen    = 16 // data descriptor, with its signature
)

// Extra field IDs read.
const (
	zip64ID = 0x0001
	// unicodePathID is in name.go.
)

// dirEnd is what the end of the central directory says.
type dirEnd struct {
	records uint64 // number of records
	size    uint64 // of the central directory, in bytes
	offset  uint64 // of its start, from the start of the archive's data
	exact   bool   // records comes from a zip64 record: not cut to 16 bits
	at      int64  // where the (zip64) end record starts: the directory ends before
}

// readEnd reads the end of the central directory of r, of size bytes,
// and returns it with the offset at which the archive's data starts (not
// 0 when something was put before the archive, as a self-extracting
// program).
func readEnd(r io.ReaderAt, size int64) (end dirEnd, base int64, err error) {
	// The record is in the last 64 KB, behind a comment of up to 64 KB.
	var buf []byte
	var at int64
	for i, n := range []int64{1024, 65 * 1024} {
		n = min(n, size)
		buf = make([]byte, n)
		if _, err := r.ReadAt(buf, size-n); err != nil && err != io.EOF {
			return end, 0, err
		}
		if p := findEnd(buf); p >= 0 {
			buf, at = buf[p:], size-n+int64(p)
			break
		}
		if i == 1 || n == size {
			return end, 0, zip.ErrFormat
		}
	}
	le := binary.LittleEndian
	end = dirEnd{
		records: uint64(le.Uint16(buf[10:])),
		size:    uint64(le.Uint32(buf[12:])),
		offset:  uint64(le.Uint32(buf[16:])),
	}
	if end.records == 0xffff || end.size == 0xffffffff || end.offset == 0xffffffff {
		if p, err := findEnd64(r, at); err != nil {
			return end, 0, err
		} else if p >= 0 {
			if end, err = readEnd64(r, p); err != nil {
				return end, 0, err
			}
			at = p
		}
	}
	end.at = at
	const maxInt64 = 1<<63 - 1
	if end.size > maxInt64 || end.offset > maxInt64 || int64(end.size) > at {
		return end, 0, zip.ErrFormat
	}
	base = at - int64(end.size) - int64(end.offset)
	if o := base + int64(end.offset); o < 0 || o >= size {
		return end, 0, zip.ErrFormat
	}
	// An archive whose end says its data starts later, but whose central
	// directory is found where it says with no offset, was written with
	// a wrong end record: trust the directory.
	if base > 0 {
		var rec record
		br := bufio.NewReader(io.NewSectionReader(r, int64(end.offset), size-int64(end.offset)))
		if readRecord(br, new([]byte), &rec) == nil {
			base = 0
		}
	}
	return end, base, nil
}

// findEnd returns where the end record starts in b, the last bytes of
// the archive, or -1. A record whose comment runs past the end is not
// one.
func findEnd(b []byte) int {
	for i := len(b) - endLen; i >= 0; i-- {
		if binary.LittleEndian.Uint32(b[i:]) == sigEnd {
			n := int(binary.LittleEndian.Uint16(b[i+endLen-2:]))
			if i+endLen+n > len(b) {
				return -1
			}
			return i
		}
	}
	return -1
}

// findEnd64 returns the offset of the zip64 end record that the locator
// just before the end record at endAt names, or -1 if there is none.
func findEnd64(r io.ReaderAt, endAt int64) (int64, error) {
	at := endAt - loc64Len
	if at < 0 {
		return -1, nil
	}
	var b [loc64Len]byte
	if _, err := r.ReadAt(b[:], at); err != nil {
		return -1, err
	}
	le := binary.LittleEndian
	if le.Uint32(b[0:]) != sigLoc64 || le.Uint32(b[4:]) != 0 || le.Uint32(b[16:]) != 1 {
		return -1, nil // not a zip64 locator, or one of many disks
	}
	p := le.Uint64(b[8:])
	if p > uint64(at) {
		return -1, zip.ErrFormat
	}
	return int64(p), nil
}

// readEnd64 reads the zip64 end record at offset.
func readEnd64(r io.ReaderAt, offset int64) (dirEnd, error) {
	var b [end64Len]byte
	if _, err := r.ReadAt(b[:], offset); err != nil {
		if err == io.EOF {
			err = zip.ErrFormat
		}
		return dirEnd{}, err
	}
	le := binary.LittleEndian
	if le.Uint32(b[0:]) != sigEnd64 {
		return dirEnd{}, zip.ErrFormat
	}
	return dirEnd{records: le.Uint64(b[32:]), size: le.Uint64(b[40:]), offset: le.Uint64(b[48:]), exact: true}, nil
}

// record is what a central directory record says of an entry.
type record struct {
	name    string // decoded by DecodeName
	dir     bool   // the raw name ends in "/" or the attributes say folder
	symlink bool   // the Unix attributes say symbolic link
	header  int64  // offset of the local header, from the archive's data
	csize   uint64 // compressed
	usize   uint64 // inflated
	crc     uint32
	dosTime uint32 // MS-DOS date (high 16 bits) and time
	method  uint16
	flags   uint16
}

// Creator systems whose external attributes are read.
const (
	creatorFAT   = 0
	creatorUnix  = 3
	creatorNTFS  = 11
	creatorVFAT  = 14
	creatorMacOS = 19
)

// readRecord reads the next central directory record from br into rec;
// scratch is a buffer kept between calls. It returns zip.ErrFormat when
// br does not start with a record, io.ErrUnexpectedEOF when the record is
// cut short.
func readRecord(br *bufio.Reader, scratch *[]byte, rec *record) error {
	var b [centralLen]byte
	if _, err := io.ReadFull(br, b[:]); err != nil {
		if err == io.EOF {
			return io.ErrUnexpectedEOF
		}
		return err
	}
	le := binary.LittleEndian
	if le.Uint32(b[0:]) != sigCentral {
		return zip.ErrFormat
	}
	creator := le.Uint16(b[4:]) >> 8
	*rec = record{
		flags:   le.Uint16(b[8:]),
		method:  le.Uint16(b[10:]),
		dosTime: le.Uint32(b[12:]), // time, then date
		crc:     le.Uint32(b[16:]),
		csize:   uint64(le.Uint32(b[20:])),
		usize:   uint64(le.Uint32(b[24:])),
		header:  int64(le.Uint32(b[42:])),
	}
	nName, nExtra, nComment := int(le.Uint16(b[28:])), int(le.Uint16(b[30:])), int(le.Uint16(b[32:]))
	attrs := le.Uint32(b[38:])
	n := nName + nExtra + nComment
	if cap(*scratch) < n {
		*scratch = make([]byte, n)
	}
	d := (*scratch)[:n]
	if _, err := io.ReadFull(br, d); err != nil {
		if err == io.EOF {
			return io.ErrUnexpectedEOF
		}
		return err
	}
	raw, extra := d[:nName], d[nName:nName+nExtra]
	if err := rec.zip64(extra); err != nil {
		return err
	}
	rec.name = DecodeName(string(raw), rec.flags, extra)
	rec.dir = nName > 0 && raw[nName-1] == '/'
	switch creator {
	case creatorUnix, creatorMacOS:
		switch attrs >> 16 & 0xf000 {
		case 0x4000:
			rec.dir = true
		case 0xa000:
			rec.symlink = true
		}
	case creatorFAT, creatorNTFS, creatorVFAT:
		rec.dir = rec.dir || attrs&0x10 != 0
	}
	return nil
}

// errZip64 is the error of a record whose sizes or offset are in a zip64
// extra field that is missing or too short.
var errZip64 = errors.New("zip: missing zip64 extra field")

// zip64 reads the sizes and offset that do not fit in 32 bits from the
// zip64 extra field: those whose 32-bit value is 0xFFFFFFFF, in the
// order inflated size, compressed size, offset. An inflated size of
// 0xFFFFFFFF without any zip64 field is taken as it is (as archive/zip
// does); a compressed size or offset is not.
func (rec *record) zip64(extra []byte) error {
	needU, needC, needH := rec.usize == 0xffffffff, rec.csize == 0xffffffff, rec.header == 0xffffffff
	le := binary.LittleEndian
	seen := false
	for len(extra) >= 4 {
		id, size := le.Uint16(extra), int(le.Uint16(extra[2:]))
		extra = extra[4:]
		if size > len(extra) {
			break
		}
		field := extra[:size]
		extra = extra[size:]
		if id != zip64ID {
			continue
		}
		seen = true
		next := func(need *bool) (uint64, bool) {
			if !*need || len(field) < 8 {
				return 0, false
			}
			v := le.Uint64(field)
			field, *need = field[8:], false
			return v, true
		}
		if v, ok := next(&needU); ok {
			rec.usize = v
		}
		if v, ok := next(&needC); ok {
			rec.csize = v
		}
		if v, ok := next(&needH); ok {
			rec.header = int64(v)
		}
		break
	}
	if needC || needH || (seen && needU) || rec.header < 0 {
		return errZip64
	}
	return nil
}

// fileMode is the mode of a file entry: read-only and regular, unless the
// archive says it is a symbolic link (never followed).
func (rec *record) fileMode() fs.FileMode {
	if rec.symlink {
		return fs.ModeSymlink | 0o444
	}
	return 0o444
}
