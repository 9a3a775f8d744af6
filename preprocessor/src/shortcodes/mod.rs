//! Hugo shortcodes in a book: the calls a body holds (`call`), read exactly as Hugo 0.111 reads
//! them (`syntax`); what renders each name in this run (`registry`: the book's entries, the
//! site's and theme's templates run by the template engine through `host`, Stack's and Hugo's
//! built-ins); the renderers of Hugo's built-in shortcodes (`builtin`) and of the Stack theme's
//! (`stack`), pure functions from a call and what it reads of the page (`page`) to the text that
//! replaces it (`output`); and the body stage that puts it all in the chapter (`stage`, `place`).

pub mod builtin;
pub mod call;
pub mod host;
pub mod output;
pub mod page;
pub mod place;
pub mod registry;
pub mod stack;
pub mod stage;
pub mod syntax;

mod args;
mod embed;
mod markup;

#[cfg(test)]
mod fidelity;
#[cfg(test)]
mod normalize;
#[cfg(test)]
mod testing;

pub use markup::render_markdown;
