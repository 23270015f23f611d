package screen

import "testing"

// BenchmarkFrameScroll paints an 80×24 screen of Chinese text scrolled by
// one line per frame.
func BenchmarkFrameScroll(b *testing.B) {
	const w, h = 80, 24
	lines := article(200, w)
	p := NewPainter(narrow)
	p.Frame(screenOf(lines, 0, w, h), w, h)
	frames := make([][]string, 150)
	for i := range frames {
		frames[i] = screenOf(lines, i, w, h)
	}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n++
		p.Frame(frames[n%len(frames)], w, h)
	}
}
