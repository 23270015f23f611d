package screen

import (
	"bytes"
	"io"
	"math/rand/v2"
	"testing"

	"github.com/charmbracelet/colorprofile"
)

// The downsampler writes what colorprofile.Writer writes, for the
// painter's frames (styled rows, links, scrolls, wide text) and the
// sequences that take and give back the terminal, in every profile.
func TestDownsamplerWritesWhatColorprofileWrites(t *testing.T) {
	var inputs [][]byte
	for seed := uint64(1); seed <= 20; seed++ {
		g := &frameGen{r: rand.New(rand.NewPCG(seed, 3)), cond: narrow, w: 1 + int(seed%40), h: 1 + int(seed%13)}
		g.reset()
		p := NewPainter(narrow)
		for i := range 50 {
			if i > 0 {
				g.step()
			}
			inputs = append(inputs, p.Frame(g.frame(), g.w, g.h))
		}
	}
	modes := modesFor(nil)
	inputs = append(inputs, []byte(enterWith(modes)), []byte(leaveWith(modes)),
		[]byte("\x1b[1;38;2;95;175;215;48;2;48;48;48m3/405\x1b[m\x1b[>4m\x1b[?25h"), []byte("cut \x1b[1;3"))
	for _, profile := range []colorprofile.Profile{colorprofile.TrueColor, colorprofile.ANSI256, colorprofile.ANSI, colorprofile.ASCII, colorprofile.NoTTY} {
		var got, want bytes.Buffer
		d := newDownsampler(&got, profile)
		ref := &colorprofile.Writer{Forward: &want, Profile: profile}
		for i, in := range inputs {
			got.Reset()
			want.Reset()
			if n, err := d.Write(in); n != len(in) || err != nil {
				t.Fatalf("%v: Write gave %d, %v", profile, n, err)
			}
			_, _ = ref.Write(in)
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Fatalf("%v, input %d %q:\n got %q\nwant %q", profile, i, in, got.Bytes(), want.Bytes())
			}
		}
	}
}

// BenchmarkDownsampleScreen is a whole screen of styled Chinese rows
// brought down to 256 colours, by the downsampler and by colorprofile.
func BenchmarkDownsampleScreen(b *testing.B) {
	rows := make([]string, 24)
	for i := range rows {
		rows[i] = "\x1b[1;38;2;95;175;215m" + "第1段：" + "\x1b[m" + "老街改造坚持“修旧如旧”的原则，保留了青石板路和木结构门面。"
	}
	frame := NewPainter(narrow).Frame(rows, 80, 24)
	for _, c := range []struct {
		name string
		w    io.Writer
	}{
		{"downsampler", newDownsampler(io.Discard, colorprofile.ANSI256)},
		{"colorprofile", &colorprofile.Writer{Forward: io.Discard, Profile: colorprofile.ANSI256}},
	} {
		b.Run(c.name, func(b *testing.B) {
			w := c.w
			for b.Loop() {
				_, _ = w.Write(frame)
			}
		})
	}
}
