export default defineBackground(() => {
  // wired by lib/background
});
