package loader

import "unsafe"

// pathArena holds the paths a scan keeps (of its entries and folders)
// back to back in large blocks, one allocation for many paths instead of
// one each. A path is never written again once made, so the strings made
// from a block stay what they are; a block stays in memory as long as one
// of its paths is.
type pathArena struct {
	block []byte
}

// arenaBlock is the size of the blocks of a pathArena, which start at
// 1 KB and double up to it, so that a small folder takes little memory.
const arenaBlock = 64 << 10

// path returns the relative path of name inside the folder dir ("." is
// the root), kept in a; name is not "". Directory entry names hold no "/"
// and are never "." or "..", so the result is clean.
func (a *pathArena) path(dir, name string) string {
	n := len(name)
	if dir != "." {
		n += len(dir) + 1
	}
	if cap(a.block)-len(a.block) < n {
		size := min(max(2*cap(a.block), 1<<10), arenaBlock)
		a.block = make([]byte, 0, max(size, n))
	}
	start := len(a.block)
	if dir != "." {
		a.block = append(a.block, dir...)
		a.block = append(a.block, '/')
	}
	a.block = append(a.block, name...)
	return unsafe.String(&a.block[start], n)
}
