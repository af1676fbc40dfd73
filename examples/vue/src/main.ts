import { createApp } from "vue";
import AccountSecurity from "./AccountSecurity.vue";

createApp(AccountSecurity).mount("#app");
