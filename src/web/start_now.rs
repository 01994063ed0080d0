//! Starting a download at once. A task spawned while a change is being rendered first waits for
//! every other task the change woke (the rest of the render: ~20–60 ms when a view opens), and
//! only then sends its request; polled here, the request goes out before that work, and its
//! bytes arrive while it runs.

use std::future::Future;
use std::task::{Context, Waker};

use leptos::prelude::untrack;

/// Polls `work` once here (sending whatever request it starts with), then leaves it to the
/// executor, whose polls keep the waker that matters. The first poll reads no signal on behalf
/// of the caller (it is untracked), as the executor's later polls do not.
pub fn start_now(work: impl Future<Output = ()> + 'static) {
    let mut work = Box::pin(work);
    let first = untrack(|| work.as_mut().poll(&mut Context::from_waker(Waker::noop())));
    if first.is_pending() {
        leptos::task::spawn_local(work);
    }
}
