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
//
// The results are kept in chunks of knownChunk, which are never copied,
// and the map only holds where each is: it stays small (a lookup, done
// for every entry of the collection, mostly misses), and growing costs
// neither copies of the results nor garbage.
type Known struct {
	byPath  map[*byte]int32
	results [][]Result
	n       int32
}

// knownChunk is how many results a chunk of Known holds.
const knownChunk = 1024

// Add keeps r for its entry, in place of any result kept for it before.
func (k *Known) Add(r Result) {
	if k.byPath == nil {
		k.byPath = make(map[*byte]int32)
	}
	key := unsafe.StringData(r.Entry.RelPath)
	if i, ok := k.byPath[key]; ok {
		*k.at(i) = r
		return
	}
	if k.n%knownChunk == 0 {
		k.results = append(k.results, make([]Result, 0, knownChunk))
	}
	last := &k.results[len(k.results)-1]
	*last = append(*last, r)
	k.byPath[key] = k.n
	k.n++
}

// at returns the i-th result kept.
func (k *Known) at(i int32) *Result {
	return &k.results[i/knownChunk][i%knownChunk]
}

// lookup returns the result k holds for e, found for this very entry.
func (k *Known) lookup(e loader.Entry) (Result, bool) {
	if k == nil || len(k.byPath) == 0 {
		return Result{}, false
	}
	i, ok := k.byPath[unsafe.StringData(e.RelPath)]
	if !ok {
		return Result{}, false
	}
	r := k.at(i)
	return *r, r.Entry == e
}
