package listnav

import tea "charm.land/bubbletea/v2"

// WheelLines is how many lines one turn of the mouse wheel scrolls.
const WheelLines = 3

// Wheel is how many rows msg scrolls: WheelLines down, WheelLines up, or 0
// for a sideways wheel.
func Wheel(msg tea.MouseWheelMsg) int {
	switch msg.Button {
	case tea.MouseWheelDown:
		return WheelLines
	case tea.MouseWheelUp:
		return -WheelLines
	}
	return 0
}

// Click is the row of a list a left click falls on, when the list's rows
// start at screen row top and height of them are on screen from offset,
// within a list of length rows; ok is false for a click elsewhere.
func Click(msg tea.MouseClickMsg, top, height, offset, length int) (row int, ok bool) {
	if msg.Button != tea.MouseLeft || msg.Y < top || msg.Y >= top+height {
		return 0, false
	}
	row = offset + msg.Y - top
	return row, row < length
}
