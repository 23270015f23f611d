package screen

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// exhaustiveFrame is Frame painting every way to its end before choosing
// the cheapest: Frame gives a way up once it costs more than the best so
// far, and must choose the same bytes.
func exhaustiveFrame(p *Painter, rows []string, width, height int) []byte {
	next := p.fitRows(rows, width, height)
	defer p.endFrame(next)
	if !p.valid || width != p.width || height != p.height {
		return p.paintAll(next, width, height)
	}
	best := p.paintRows(nil, &cursor{}, p.rows, next, -1)
	for _, found := range findShifts(p.rows, next, maxShiftTries) {
		for _, s := range [2]shift{found, found.extended(height)} {
			b, cur := s.appendTo(nil, height)
			if b = p.paintRows(b, &cur, s.apply(p.rows), next, -1); len(b) < len(best) {
				best = b
			}
		}
	}
	p.rows = next
	return best
}

func TestFrameGivesUpCostlyWaysAndChoosesTheSame(t *testing.T) {
	for seed := uint64(1); seed <= 40; seed++ {
		g := &frameGen{r: rand.New(rand.NewPCG(seed, 11)), cond: narrow, w: 1 + int(seed%40), h: 1 + int(seed%13)}
		g.reset()
		p, ref := NewPainter(narrow), NewPainter(narrow)
		for i := range 200 {
			if i > 0 {
				g.step()
			}
			f := g.frame()
			got, want := p.Frame(f, g.w, g.h), exhaustiveFrame(ref, f, g.w, g.h)
			if !bytes.Equal(got, want) {
				t.Fatalf("seed %d step %d: %q, painting every way to its end %q", seed, i, got, want)
			}
		}
	}
}
