// The `<mfa-manager>` element's class, defined by the wasm module's start (`src/element.rs`)
// and, with the same text, by the widget's entry module (`cargo xtask` writes this file into
// it), whichever runs first. `connect(element)` mounts the widget in the element and returns
// its handle (`unmount()`, `free()`).
export function defineMfaManagerElement(name, attributes, connect) {
  if (customElements.get(name)) {
    return false;
  }
  customElements.define(name, class extends HTMLElement {
    #handle = null;
    #remountQueued = false;

    static get observedAttributes() {
      return attributes;
    }

    connectedCallback() {
      if (!this.#handle) {
        this.#handle = connect(this);
      }
    }

    disconnectedCallback() {
      const handle = this.#handle;
      this.#handle = null;
      if (handle) {
        handle.unmount();
        handle.free();
      }
    }

    attributeChangedCallback(_name, before, after) {
      if (before === after || !this.#handle || this.#remountQueued) {
        return;
      }
      // Several attributes set in one go lead to one remount.
      this.#remountQueued = true;
      queueMicrotask(() => {
        this.#remountQueued = false;
        if (this.#handle) {
          this.disconnectedCallback();
          this.connectedCallback();
        }
      });
    }
  });
  return true;
}
