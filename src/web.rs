//! Browser plumbing: DOM helpers, listeners dropped on cleanup, element sizes, the one
//! keydown dispatcher, where focus lands, what the page can tell of its frame, and downloads
//! started at once.

pub mod dom;
pub mod focus;
pub mod frame;
pub mod keys;
pub mod resize;
pub mod scoped_listener;
pub mod start_now;
