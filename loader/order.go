package loader

import (
	"slices"
	"strings"
)

// Less orders entries the way a collection is listed: by the numeric value
// of the prefix, then by title, then by RelPath; entries without a prefix
// come after all numbered ones. Prefixes are compared as digit strings, so
// numbers of any length work.
func Less(a, b Entry) bool {
	return compareEntries(a, b) < 0
}

// SortEntries sorts entries in place in the order of Less.
func SortEntries(entries []Entry) {
	if len(entries) < 2 {
		return
	}
	keys := sortedKeys(len(entries), func(i int) *Entry { return &entries[i] })
	permute(entries, keys)
}

func compareEntries(a, b Entry) int {
	if c := comparePrefix(a.Prefix, b.Prefix); c != 0 {
		return c
	}
	if c := strings.Compare(a.Title, b.Title); c != 0 {
		return c
	}
	if c := strings.Compare(a.RelPath, b.RelPath); c != 0 {
		return c
	}
	// The same number written differently ("7", "007"): as written.
	return strings.Compare(a.Prefix, b.Prefix)
}

// comparePrefix compares two digit strings by numeric value; "" (no
// number) sorts after every number.
func comparePrefix(a, b string) int {
	switch {
	case a == "" && b == "":
		return 0
	case a == "":
		return 1
	case b == "":
		return -1
	}
	a = strings.TrimLeft(a, "0")
	b = strings.TrimLeft(b, "0")
	if len(a) != len(b) {
		if len(a) < len(b) {
			return -1
		}
		return 1
	}
	return strings.Compare(a, b)
}

// Kinds of prefix, in their order.
const (
	numberFits = iota // the prefix's value fits in sortKey.num
	numberLong        // more than maxFitDigits digits after the zeros
	noNumber          // no prefix
)

// maxFitDigits is the most digits whose every value fits in a uint64.
const maxFitDigits = 19

// sortKey is made once per entry so that sorting does not compare
// prefixes as strings: the kind of prefix, then its value when it fits,
// order the keys; compareEntries settles ties.
type sortKey struct {
	num   uint64
	index int32 // of the entry
	kind  uint8
}

// makeSortKey returns the key of the entry at index whose prefix is prefix.
// Keys never contradict compareEntries: a different kind or value means
// comparePrefix differs the same way.
func makeSortKey(prefix string, index int32) sortKey {
	if prefix == "" {
		return sortKey{index: index, kind: noNumber}
	}
	digits := strings.TrimLeft(prefix, "0")
	if len(digits) > maxFitDigits {
		return sortKey{index: index, kind: numberLong}
	}
	var v uint64
	for i := 0; i < len(digits); i++ {
		v = v*10 + uint64(digits[i]-'0')
	}
	return sortKey{num: v, index: index, kind: numberFits}
}

// sortedKeys returns the keys of the n entries at(0) … at(n-1) in the
// order of Less. Entries whose prefix value fits (most of a collection)
// are ordered by a radix sort on the value; the rest, and runs of one
// value, by compareEntries.
func sortedKeys(n int, at func(int) *Entry) []sortKey {
	keys := make([]sortKey, n)
	fits, rest := 0, n // fitting keys first, the others from the end
	for i := range n {
		k := makeSortKey(at(i).Prefix, int32(i))
		if k.kind == numberFits {
			keys[fits] = k
			fits++
		} else {
			rest--
			keys[rest] = k
		}
	}
	byEntry := func(a, b sortKey) int {
		if a.kind != b.kind {
			return int(a.kind) - int(b.kind)
		}
		return compareEntries(*at(int(a.index)), *at(int(b.index)))
	}
	radixSort(keys[:fits])
	for i := 0; i < fits; {
		j := i + 1
		for j < fits && keys[j].num == keys[i].num {
			j++
		}
		if j-i > 1 {
			slices.SortFunc(keys[i:j], byEntry)
		}
		i = j
	}
	slices.SortFunc(keys[fits:], byEntry)
	return keys
}

// radixSort sorts keys by num, radixBits bits at a time from the lowest;
// digits that are the same in every key are skipped.
func radixSort(keys []sortKey) {
	if len(keys) < 2 {
		return
	}
	var differ uint64
	for _, k := range keys {
		differ |= k.num ^ keys[0].num
	}
	src, dst := keys, make([]sortKey, len(keys))
	for shift := 0; shift < 64; shift += radixBits {
		if (differ>>shift)&radixMask == 0 {
			continue
		}
		var start [1 << radixBits]int32
		for _, k := range src {
			start[(k.num>>shift)&radixMask]++
		}
		var pos int32
		for b, count := range start {
			start[b] = pos
			pos += count
		}
		for _, k := range src {
			b := (k.num >> shift) & radixMask
			dst[start[b]] = k
			start[b]++
		}
		src, dst = dst, src
	}
	if &src[0] != &keys[0] {
		copy(keys, src)
	}
}

// radixBits is the width of a digit of radixSort: prefixes up to 2^22
// (4,194,304) take two passes.
const (
	radixBits = 11
	radixMask = 1<<radixBits - 1
)

// permute puts entries in the order of keys: position i gets the entry
// keys[i].index names. It follows the cycles of the permutation, so no
// second slice of entries is needed; keys are spent.
func permute(entries []Entry, keys []sortKey) {
	const done = -1
	for start := range keys {
		if keys[start].index == done {
			continue
		}
		moving := entries[start]
		i := start
		for {
			from := int(keys[i].index)
			keys[i].index = done
			if from == start {
				entries[i] = moving
				break
			}
			entries[i] = entries[from]
			i = from
		}
	}
}
