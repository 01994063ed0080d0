//! Browser plumbing: DOM helpers, listeners dropped on cleanup, element sizes, the one
//! keydown dispatcher, where focus lands, and what the page can tell of its frame.

pub mod dom;
pub mod focus;
pub mod frame;
pub mod keys;
pub mod resize;
pub mod scoped_listener;
