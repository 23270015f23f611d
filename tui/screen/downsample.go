package screen

import (
	"bytes"
	"io"
	"sync"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

// downsampler writes what colorprofile.Writer would write for the same
// bytes, cheaper for the painter's output: the text between escape
// sequences is copied as it is (colorprofile decodes it grapheme by
// grapheme to copy it as it is), and each SGR sequence, the only kind it
// changes, is converted once and remembered: a program draws with a few
// styles.
type downsampler struct {
	w       io.Writer
	profile colorprofile.Profile

	mu   sync.Mutex
	sgr  map[string]string // converted SGR sequences
	buf  []byte
	conv bytes.Buffer
}

// maxSGR is how many converted sequences a downsampler keeps.
const maxSGR = 256

func newDownsampler(w io.Writer, profile colorprofile.Profile) io.Writer {
	if profile == colorprofile.TrueColor || profile <= colorprofile.NoTTY {
		// nothing to convert, or everything to strip: colorprofile's own
		return &colorprofile.Writer{Forward: w, Profile: profile}
	}
	return &downsampler{w: w, profile: profile, sgr: map[string]string{}}
}

func (d *downsampler) Write(p []byte) (int, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	b := d.buf[:0]
	for rest := p; len(rest) > 0; {
		i := bytes.IndexByte(rest, ansi.ESC)
		if i < 0 {
			b = append(b, rest...)
			break
		}
		b = append(b, rest[:i]...)
		rest = rest[i:]
		_, _, n, _ := ansi.DecodeSequence(rest, ansi.NormalState, nil)
		n = max(n, 1)
		if seq := rest[:n]; isSGR(string(seq)) {
			b = append(b, d.convert(seq)...)
		} else {
			b = append(b, seq...)
		}
		rest = rest[n:]
	}
	d.buf = b
	if _, err := d.w.Write(b); err != nil {
		return 0, err
	}
	return len(p), nil
}

// convert is the SGR sequence seq as colorprofile writes it for the
// profile.
func (d *downsampler) convert(seq []byte) string {
	if s, ok := d.sgr[string(seq)]; ok {
		return s
	}
	d.conv.Reset()
	_, _ = (&colorprofile.Writer{Forward: &d.conv, Profile: d.profile}).Write(seq)
	s := d.conv.String()
	if len(d.sgr) >= maxSGR {
		clear(d.sgr)
	}
	d.sgr[string(seq)] = s
	return s
}
