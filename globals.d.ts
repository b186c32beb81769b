/** True only in the build the e2e tests load (open shadow root). */
declare const __BACKSTORY_TEST_BUILD__: boolean;
