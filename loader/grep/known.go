package grep

import (
	"unsafe"

	"newsbrowse/loader"
)

// Known holds results found before, for SearchKnown: those SearchUnordered
// emits while a collection is listed. Its zero value is empty and ready to
// use, by one goroutine at a time; a nil *Known holds nothing.
//
// A result is kept by where the bytes of its entry's RelPath are: the
// entries a scan gives as it goes (loader.ScanFunc) and those it returns
// are copies of the same entries, sharing those bytes, so a lookup hashes
// a pointer rather than a path. An entry whose RelPath was made elsewhere
// is not found, and is searched again.
type Known struct {
	byPath map[*byte]Result
}

// Add keeps r for its entry.
func (k *Known) Add(r Result) {
	if k.byPath == nil {
		k.byPath = make(map[*byte]Result)
	}
	k.byPath[unsafe.StringData(r.Entry.RelPath)] = r
}

// lookup returns the result k holds for e, found for this very entry.
func (k *Known) lookup(e loader.Entry) (Result, bool) {
	if k == nil || len(k.byPath) == 0 {
		return Result{}, false
	}
	r, ok := k.byPath[unsafe.StringData(e.RelPath)]
	return r, ok && r.Entry == e
}
