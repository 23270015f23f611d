package screen

import (
	"sort"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// shift is a block of rows moved vertically in hardware: the rows top to
// bottom (0-based, inclusive) scroll by n, up (content moves to lower row
// numbers, SU) when n > 0 and down (SD) when n < 0. The rows the scroll
// uncovers are blank.
type shift struct {
	top, bottom, n int
	gain           int // bytes of changed rows the move puts in place
}

// findShifts returns at most limit ways of scrolling a block of old so that
// its rows land where next has them, best first. Each is a maximal run of
// rows i with next[i] == old[i+k], for some k, in which at least one row
// differs from what the screen shows in place.
func findShifts(old, next []string, limit int) []shift {
	h := len(next)
	var out []shift
	for k := 1; k < h; k++ {
		for _, dir := range [2]int{1, -1} {
			d := k * dir
			run, gain := -1, 0
			flush := func(end int) {
				if run >= 0 && gain > 0 {
					top, bottom := run, end+d // up: run..end+k
					if d < 0 {
						top, bottom = run+d, end // down: run-k..end
					}
					out = append(out, shift{top: top, bottom: bottom, n: d, gain: gain})
				}
				run, gain = -1, 0
			}
			for i := 0; i < h; i++ {
				j := i + d
				if j < 0 || j >= h || next[i] != old[j] {
					flush(i - 1)
					continue
				}
				if run < 0 {
					run = i
				}
				if next[i] != old[i] {
					gain += len(strings.TrimRight(next[i], " "))
				}
			}
			flush(h - 1)
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].gain > out[b].gain })
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}

// extended is s with one more row at the end where the scroll uncovers
// rows (the bottom for SU, the top for SD), or s when there is none: the
// row moved in from there is rewritten where it lands. A list's selection
// that moves with its rows costs so only the change of its marker, where
// the block of equal rows ends just before it.
func (s shift) extended(height int) shift {
	switch {
	case s.n > 0 && s.bottom+1 < height:
		s.bottom++
	case s.n < 0 && s.top > 0:
		s.top--
	}
	return s
}

// apply returns the rows a screen showing rows shows after the shift.
func (s shift) apply(rows []string) []string {
	out := append([]string(nil), rows...)
	if s.n > 0 {
		for r := s.top; r <= s.bottom; r++ {
			if r+s.n <= s.bottom {
				out[r] = rows[r+s.n]
			} else {
				out[r] = ""
			}
		}
		return out
	}
	k := -s.n
	for r := s.top; r <= s.bottom; r++ {
		if r-k >= s.top {
			out[r] = rows[r-k]
		} else {
			out[r] = ""
		}
	}
	return out
}

// resetMargins is DECSTBM without parameters: the whole screen scrolls
// again (ansi.SetTopBottomMargins(0, 0) writes a needless ";").
const resetMargins = "\x1b[r"

// appendTo appends the sequences that perform the shift on a screen of
// height rows, and returns what is then known of the cursor. A block that
// is not the whole screen is scrolled inside a scrolling region (DECSTBM),
// which is reset afterwards; both settings home the cursor.
func (s shift) appendTo(b []byte, height int) ([]byte, cursor) {
	region := s.top > 0 || s.bottom < height-1
	if region {
		b = append(b, ansi.SetTopBottomMargins(s.top+1, s.bottom+1)...)
	}
	if s.n > 0 {
		b = append(b, ansi.ScrollUp(s.n)...)
	} else {
		b = append(b, ansi.ScrollDown(-s.n)...)
	}
	if region {
		b = append(b, resetMargins...)
		return b, cursor{rowKnown: true, colKnown: true}
	}
	return b, cursor{}
}
