console.log("test app");
