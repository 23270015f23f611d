package screen

import "strings"

// mode is a terminal mode a session sets while the program owns the
// terminal, and the sequence that turns it off again.
type mode struct{ set, reset string }

// ownModes are set, in this order, whenever a session takes the terminal
// (at the start, after a child program, after a suspend) and reset in the
// reverse order whenever it gives it back (at the end, before a child,
// before a suspend). A mode the program comes to need (mouse reporting, …)
// goes here, so that it is undone everywhere the terminal changes hands.
var ownModes = []mode{
	{"\x1b[?1049h", "\x1b[?1049l"}, // the alternate screen
	{"\x1b[?25l", "\x1b[?25h"},     // a hidden cursor
	{"\x1b[?2004h", "\x1b[?2004l"}, // bracketed paste
	{"\x1b[?7l", "\x1b[?7h"},       // no autowrap
	{"\x1b[>4;2m", "\x1b[>4m"},     // modifyOtherKeys 2, which Bubble Tea decodes
	{"\x1b[>1u", "\x1b[<1u"},       // the kitty keyboard protocol's disambiguation
	{"\x1b[?2048h", "\x1b[?2048l"}, // sizes reported in-band (some links never send SIGWINCH)
}

// saneState puts back the state the painter relies on, whatever another
// program left behind: no scrolling region (DECSTBM) and no left and right
// margins (DECLRMM), origin mode (DECOM) and insert mode (IRM) off, a
// normal screen (DECSCNM off), the ASCII character set in G0 and shifted
// in, and the default pen. It also moves the cursor home.
var saneState = strings.Join([]string{
	"\x1b[?69l", // DECLRMM off (drops left and right margins)
	"\x1b[r",    // DECSTBM: the whole screen scrolls
	"\x1b[?6l",  // DECOM: cursor positions count from the screen's corner
	"\x1b[4l",   // IRM: characters replace, never insert
	"\x1b[?5l",  // DECSCNM: not reverse video
	"\x1b(B",    // G0 is ASCII
	"\x0f",      // SI: G0 in use
	"\x1b[m",    // the default pen
}, "")

// mouseModes report button presses and the wheel, in the SGR encoding,
// and never motion (which would cost bytes on every move over SSH). A
// session sets them after ownModes when its model wants the mouse (see
// MouseUser).
var mouseModes = []mode{
	{"\x1b[?1000h", "\x1b[?1000l"}, // button press and release, wheel
	{"\x1b[?1006h", "\x1b[?1006l"}, // SGR encoding: any column, any row
}

// MouseUser is a model that may ask for mouse reporting: when WantsMouse
// reports true at the start, the session sets mouseModes with its own
// modes, and resets them wherever it gives the terminal back.
type MouseUser interface{ WantsMouse() bool }

// modesFor is the list of modes a session running model sets.
func modesFor(model any) []mode {
	if mu, ok := model.(MouseUser); ok && mu.WantsMouse() {
		return append(ownModes[:len(ownModes):len(ownModes)], mouseModes...)
	}
	return ownModes
}

// Sequences that hand the terminal over: enterSeq takes it (the modes the
// program needs, then a sane state for the painter), leaveSeq gives it
// back (no scrolling region, the default pen, the modes undone). A session
// uses enterWith and leaveWith its own list of modes.
var (
	enterSeq = enterWith(ownModes)
	leaveSeq = leaveWith(ownModes)
)

func enterWith(modes []mode) string { return setModes(modes) + saneState }

func leaveWith(modes []mode) string { return "\x1b[r\x1b[m" + resetModes(modes) }

func setModes(modes []mode) string {
	var b strings.Builder
	for _, m := range modes {
		b.WriteString(m.set)
	}
	return b.String()
}

func resetModes(modes []mode) string {
	var b strings.Builder
	for i := len(modes) - 1; i >= 0; i-- {
		b.WriteString(modes[i].reset)
	}
	return b.String()
}
