//! Hugo shortcodes in a page body: the calls a body holds ([`call`]) and the parser that reads
//! them exactly as Hugo 0.111 does ([`syntax`]). Rendering the calls is not here.

pub mod call;
pub mod syntax;
