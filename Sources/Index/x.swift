import ICUFacade
