//! Hugo shortcodes in a book: the calls a body holds (`call`), read exactly as Hugo 0.111 reads
//! them (`syntax`), and the renderers of Hugo's built-in shortcodes (`builtin`) and of the Stack
//! theme's (`stack`), pure functions from a call and what it reads of the page (`page`) to the
//! text that replaces it (`output`).

pub mod builtin;
pub mod call;
pub mod output;
pub mod page;
pub mod stack;
pub mod syntax;

mod args;
mod embed;
mod markdown;
mod markup;

#[cfg(test)]
mod fidelity;
#[cfg(test)]
mod normalize;
#[cfg(test)]
mod testing;

pub use markup::render_markdown;
