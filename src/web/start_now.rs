//! Starting a download at once. A task spawned while a change is being rendered first waits for
//! every other task the change woke (the rest of the render: ~20–60 ms when a view opens), and
//! only then sends its request; polled here, the request goes out before that work, and its
//! bytes arrive while it runs.

use std::future::Future;
use std::task::{Context, Waker};

/// Polls `work` once here (sending whatever request it starts with), then leaves it to the
/// executor, whose polls keep the waker that matters.
pub fn start_now(work: impl Future<Output = ()> + 'static) {
    let mut work = Box::pin(work);
    if work
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
        .is_pending()
    {
        leptos::task::spawn_local(work);
    }
}
