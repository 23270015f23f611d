package loader

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"path/filepath"
	"unsafe"
)

// Article is one loaded article, ready for display.
type Article struct {
	Entry    Entry
	Blocks   []Block // Document(title, cleaned body)
	Encoding string  // the encoding Decode found, or "binary"
	Size     int     // size of the file in bytes
	// Part: the blocks are only the first ones of a huge article (see
	// FirstPart), the last of them maybe cut short; Load gives the whole.
	Part bool
	flat string // the flat text the blocks of a huge article share, or ""
}

// Flat is the flat text of the article, as Flatten(a.Blocks) returns it;
// the blocks of a huge article already share it, so it costs nothing.
func (a Article) Flat() string {
	if a.flat != "" {
		return a.flat
	}
	text, _ := Flatten(a.Blocks)
	return text
}

// ErrBinary is returned for a file that does not hold text.
var ErrBinary = errors.New("binary file, not shown")

// EncBinary is the Encoding of an article whose content is binary.
const EncBinary = "binary"

// Load reads and cleans the article e of fsys. The file is only opened for
// reading, and only when it is a regular file (so a FIFO cannot block) of
// at most MaxSize bytes (ErrTooLarge otherwise).
// Read errors are *fs.PathError values naming the file as DisplayPath
// shows e.RelPath. For binary content it returns ErrBinary together with
// an Article that holds the entry, the size and the title heading.
func Load(fsys fs.FS, e Entry) (Article, error) {
	var rd Reader
	return rd.Load(fsys, e)
}

// Reader reads articles into a buffer it keeps for the next one, so that
// reading many small files allocates little. A Reader is for one goroutine
// at a time; its zero value is ready to use.
type Reader struct {
	buf  []byte
	held heldFolder
}

// KeepFolderOpen makes rd open the articles of a folder (a DirFS)
// relative to the folder, which it keeps open from one read to the next
// until Close, rather than have the system look up the folder's path for
// every article again. The folder is the one the first read found at its
// path: a folder put in its place meanwhile is not read.
func (rd *Reader) KeepFolderOpen() {
	rd.held.keep = true
}

// Close closes the folder rd keeps open (see KeepFolderOpen); rd can still
// be used, and opens it again if need be.
func (rd *Reader) Close() error {
	return rd.closeFolder()
}

// maxKept is the largest buffer a Reader keeps after a read.
const maxKept = 1 << 20

// Load is the function Load, reading through rd.
func (rd *Reader) Load(fsys fs.FS, e Entry) (Article, error) {
	src, err := rd.ReadSource(fsys, e)
	if err != nil && !errors.Is(err, ErrBinary) {
		return Article{Entry: e}, err
	}
	return src.Article()
}

// ReadSource reads and decodes the article e of fsys without cleaning it,
// checking the file as Load does and returning the same errors. For binary
// content it returns ErrBinary with a Source whose Encoding is EncBinary.
func (rd *Reader) ReadSource(fsys fs.FS, e Entry) (Source, error) {
	b, err := rd.ReadBytes(fsys, e)
	if err != nil {
		return Source{Entry: e}, err
	}
	if cap(b) > maxKept {
		return ownedSourceBytes(e, b) // rd did not keep b
	}
	return sourceBytes(e, b)
}

// ReadBytes reads the file of the article e of fsys, checking it as Load
// does and returning the same read errors. The bytes live in the buffer of
// rd: they are valid until the next read through rd.
func (rd *Reader) ReadBytes(fsys fs.FS, e Entry) ([]byte, error) {
	b, ok := rd.readHeld(fsys, e.RelPath)
	if !ok {
		var err error
		if b, err = readFile(fsys, e.RelPath, rd.buf); err != nil {
			return nil, err
		}
	}
	if cap(b) <= maxKept {
		rd.buf = b[:0] // free again once the caller is done with b
	}
	return b, nil
}

// SourceOf decodes b, the content of the file of e, as ReadSource does:
// for binary content it returns ErrBinary with a Source whose Encoding is
// EncBinary. The Source holds no reference to b.
func SourceOf(e Entry, b []byte) (Source, error) {
	return sourceBytes(e, b)
}

// SourceOfShared is SourceOf, except that the Text of the Source may be
// b itself rather than a copy: it is only valid while b does not change.
// A search that is done with an article before it reads the next one into
// the same buffer (Reader.ReadBytes) spares the copy. (Cleaned after b
// changed, it would give the new bytes, and without sanitizing them: the
// Source knows its text needs none.)
func SourceOfShared(e Entry, b []byte) (Source, error) {
	return ownedSourceBytes(e, b)
}

// ownedSourceBytes is sourceBytes for content nothing else holds or will
// change: UTF-8 text is used in place rather than copied, so a huge
// article is not held twice while it is cleaned.
func ownedSourceBytes(e Entry, b []byte) (Source, error) {
	return readSource(e, b, true)
}

// Source is the content of an article file, decoded but not cleaned.
type Source struct {
	Entry    Entry
	Text     string // the content as Decode returns it ("" when binary)
	Encoding string // the encoding Decode found, or EncBinary
	Size     int    // size of the file in bytes
	// sane is Text when Text is known to need neither line ends
	// normalized nor anything sanitized (see cleanText): a Source whose
	// Text was set otherwise, or changed, is cleaned in full.
	sane string
}

// Article cleans the source into what Load returns: the blocks of
// Document(title, Clean(text)), or for binary content the title heading
// alone and ErrBinary.
func (s Source) Article() (Article, error) {
	a := Article{Entry: s.Entry, Encoding: s.Encoding, Size: s.Size}
	if s.Encoding == EncBinary {
		a.Blocks = Document(s.Entry.Title, nil)
		return a, ErrBinary
	}
	var b blockBuilder
	cleanSaneInto(&b, s.cleanText())
	a.Blocks = Document(s.Entry.Title, b.blocks)
	if len(s.Text) >= compactFrom {
		a.Blocks, a.flat = compact(a.Blocks)
	}
	return a, nil
}

// cleanText returns s.Text with its line ends normalized and sanitized, as
// Clean reads it: s.Text itself when s knows it needs neither.
func (s Source) cleanText() string {
	if len(s.sane) == len(s.Text) && unsafe.StringData(s.sane) == unsafe.StringData(s.Text) {
		return s.Text
	}
	return Sanitize(normalizeNewlines(s.Text))
}

// LoadRaw returns the content of the article e as text for the source view:
// decoded, then made safe with Visible. For binary content it returns
// ErrBinary.
func LoadRaw(fsys fs.FS, e Entry) (string, error) {
	b, err := readFile(fsys, e.RelPath, nil)
	if err != nil {
		return "", err
	}
	if IsBinary(b) {
		return "", ErrBinary
	}
	s, _ := Decode(b)
	return Visible(s), nil
}

// LoadBytes cleans the content b of a file named name (a path; its base
// name gives prefix and title) as Load would.
func LoadBytes(name string, b []byte) (Article, error) {
	rel := filepath.ToSlash(name)
	return loadBytes(newEntry(rel, path.Base(rel)), b)
}

func loadBytes(e Entry, b []byte) (Article, error) {
	src, _ := sourceBytes(e, b)
	return src.Article()
}

// sourceBytes decodes the content b of the file of e, or returns ErrBinary
// when IsBinary(b).
func sourceBytes(e Entry, b []byte) (Source, error) {
	return readSource(e, b, false)
}

// readSource is sourceBytes, using b in place rather than a copy of it as
// the text when owned is set. One pass over b (scanText) tells IsBinary,
// Decode and the cleaning what they need to know of the common file, UTF-8
// (with a byte order mark or without); any other goes the way of Decode.
func readSource(e Entry, b []byte, owned bool) (Source, error) {
	src := Source{Entry: e, Size: len(b)}
	body, enc := b, EncUTF8
	if bytes.HasPrefix(b, bomUTF8) {
		body, enc = b[len(bomUTF8):], EncUTF8BOM
	}
	f := scanText(body)
	if !f.valid(body) {
		// a byte order mark is valid: so is b exactly when body is
		sniff := b[:min(len(b), sniffLen)]
		binary, gb, decoded := sniffText(sniff, prefixValid(b, len(sniff), false))
		if binary {
			src.Encoding = EncBinary
			return src, ErrBinary
		}
		if decoded && len(sniff) == len(b) {
			// the sniff decoded the whole file as decode does
			src.Text, src.Encoding = normalizeNewlines(gb), EncGB18030
			return src, nil
		}
		src.Text, src.Encoding = decode(b, false)
		return src, nil
	}
	if binaryUTF8Facts(b, len(b)-len(body), f) {
		src.Encoding = EncBinary
		return src, ErrBinary
	}
	var text string
	switch {
	case f.cr < len(body):
		text = normalizeNewlinesFrom(unsafe.String(&body[0], len(body)), f.cr) // a copy
	case owned && len(body) > 0:
		text = unsafe.String(&body[0], len(body))
	default:
		text = string(body)
	}
	src.Text, src.Encoding = text, enc
	if f.unsafe == len(body) {
		// normalized, nothing is left that Sanitize would change
		src.sane = text
	}
	return src, nil
}

// MaxSize is the largest file Load and LoadRaw read, in bytes. A larger
// one gets ErrTooLarge: a sparse file of terabytes costs nothing on disk,
// and a link to a file like /proc/self/pagemap reports no size at all, but
// reading either whole would exhaust the memory.
const MaxSize = 256 << 20

// maxSize is MaxSize; tests lower it.
var maxSize int64 = MaxSize

// growSlack is how much more than its reported size a file may give: a
// file being written grows a little, but a file that reports 0 bytes
// (/proc/self/pagemap) can give gigabytes. What is read is capped, not only
// what is told.
const growSlack = 1 << 20

// ErrTooLarge is returned for a file larger than MaxSize.
var ErrTooLarge = errors.New("file too large to show")

var errNotRegular = errors.New("not a regular file")

// readFile reads a regular file of fsys, at most maxSize bytes, and returns
// its content, in the memory of buf when it has room (buf can then be used
// for the next read, once the content is no longer needed). Errors name the file. Unless readDirect can read the file in
// one step, the name is checked before it is opened, since opening a FIFO
// blocks until a writer comes, and what was opened is checked again, since
// the name may lead elsewhere by then (DirFS opens without blocking).
func readFile(fsys fs.FS, name string, buf []byte) ([]byte, error) {
	b, _, err := readHead(fsys, name, buf, 0)
	return b, err
}

// readHead is readFile reading only the first head bytes of the file when
// head > 0 (all of it otherwise); it also returns the size the file
// reports.
func readHead(fsys fs.FS, name string, buf []byte, head int) ([]byte, int64, error) {
	if b, size, ok := readDirect(fsys, name, buf, head); ok {
		return b, size, nil
	}
	fi, err := fs.Stat(fsys, name)
	if err == nil {
		err = checkFile(fi)
	}
	if err != nil {
		return nil, 0, pathError("read", name, err)
	}
	if b, size, ok, err := readFollow(fsys, name, buf, head); ok {
		if err != nil {
			return nil, 0, pathError("read", name, err)
		}
		return b, size, nil
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, 0, pathError("read", name, err)
	}
	defer f.Close()
	if fi, err = f.Stat(); err == nil {
		err = checkFile(fi)
	}
	if err != nil {
		return nil, 0, pathError("read", name, err)
	}
	limit := min(fi.Size()+growSlack, maxSize)
	stop := limit + 1 // one byte more than limit tells a file too large
	if head > 0 && int64(head) < stop {
		stop = int64(head)
	}
	bb := bytes.NewBuffer(buf[:0])
	bb.Grow(int(min(fi.Size(), stop)) + bytes.MinRead)
	lr := io.LimitedReader{R: f, N: stop}
	if _, err := bb.ReadFrom(&lr); err != nil {
		return nil, 0, pathError("read", name, err)
	}
	if int64(bb.Len()) > limit {
		// the size was not told (a file of /proc) or grew meanwhile
		return nil, 0, pathError("read", name, tooMuch(limit, fi.Size()))
	}
	return bb.Bytes(), fi.Size(), nil
}

// tooMuch is the error for a file that gave more than limit bytes, having
// told size.
func tooMuch(limit, size int64) error {
	if limit == maxSize {
		return fmt.Errorf("%w (more than %d MB)", ErrTooLarge, maxSize>>20)
	}
	return fmt.Errorf("%w (more than the %d bytes it told, and 1 MB)", ErrTooLarge, size)
}

// checkFile accepts a regular file of at most maxSize bytes.
func checkFile(fi fs.FileInfo) error {
	switch {
	case !fi.Mode().IsRegular():
		return errNotRegular
	case fi.Size() > maxSize:
		return fmt.Errorf("%w (%d MB, more than %d MB)", ErrTooLarge, fi.Size()>>20, maxSize>>20)
	}
	return nil
}

// pathError returns err as an *fs.PathError for name, unwrapping a
// PathError the file system returned so the name appears only once.
func pathError(op, name string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &fs.PathError{Op: op, Path: DisplayPath(name), Err: err}
}
